package io.canary2k8s.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void keepsVisibleTextOfEveryScriptAsItIs() {
    for (String s :
        new String[] {
          "my-app", "Shop..Front Ünïcode", "shop/front canary ☃", "日本語-アプリ", "مرحبا", "a\\u202e", ""
        }) {
      assertThat(Escape.visible(s)).isSameAs(s);
    }
  }

  @Test
  void escapesControlsBidiAndInvisibleCharacters() {
    assertThat(Escape.visible("ok\u001b[2J\u001b[1;1HOK")).isEqualTo("ok\\u001b[2J\\u001b[1;1HOK");
    assertThat(Escape.visible("a\nb\rc\td\u007fe\u0085f\u009bg"))
        .isEqualTo("a\\u000ab\\u000dc\\u0009d\\u007fe\\u0085f\\u009bg");
    assertThat(Escape.visible("my-app\u202e\u2066x\u2069\u200e\u200f\u061c"))
        .isEqualTo("my-app\\u202e\\u2066x\\u2069\\u200e\\u200f\\u061c");
    assertThat(Escape.visible("my\u200bapp\u200c\u200d\u2060\ufeff\u00ad"))
        .isEqualTo("my\\u200bapp\\u200c\\u200d\\u2060\\ufeff\\u00ad");
    assertThat(Escape.visible("a\u2028b\u2029c\u034fd\u3164e\ufe0ff"))
        .isEqualTo("a\\u2028b\\u2029c\\u034fd\\u3164e\\ufe0ff");
    // tag characters (invisible ASCII look-alikes) beyond the BMP, an unpaired surrogate
    assertThat(Escape.visible("a\udb40\udc41b\ud800c")).isEqualTo("a\\U000e0041b\\ud800c");
    // a character outside the BMP that is visible stays, as its pair
    assertThat(Escape.visible("x\ud83d\ude80")).isEqualTo("x\ud83d\ude80");
  }

  @Test
  void noHiddenCharacterSurvives() {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp <= 0x10ffff; cp++) {
      if (cp < 0xd800 || cp > 0xdfff) {
        all.appendCodePoint(cp);
      }
    }
    String out = Escape.visible(all.toString());
    out.codePoints().forEach(cp -> assertThat(Escape.isHidden(cp)).as("U+%04X", cp).isFalse());
    for (int cp : new int[] {0x0, 0x1b, 0x7f, 0x9b, 0x202e, 0x200b, 0xfeff, 0xe0041, 0xfffe}) {
      assertThat(Escape.isHidden(cp)).as("U+%04X", cp).isTrue();
    }
  }

  @Test
  void terminalAndYamlCommentLinesStayOneLine() {
    String hostile = "ok\n\u001b[2J\rdone\u0085\u2028";
    for (String s : new String[] {Escape.terminal(hostile), Escape.yamlComment(hostile)}) {
      assertThat(s).doesNotContain("\n", "\r", "\u001b", "\u0085", "\u2028");
      assertThat(s).isEqualTo("ok\\u000a\\u001b[2J\\u000ddone\\u0085\\u2028");
    }
  }
}
