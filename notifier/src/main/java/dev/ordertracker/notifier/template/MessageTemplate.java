package dev.ordertracker.notifier.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message template, parsed once. Syntax:
 * <ul>
 *   <li>{@code {name}} — the value of {@code name}, empty when absent;</li>
 *   <li>{@code {name|fallback}} — {@code fallback} (literal text) when {@code name} is absent or empty;</li>
 *   <li>{@code {name:format}} and {@code {name:format|fallback}} — a decimal value formatted: {@code plain} (the
 *   default: trailing zeros dropped, {@code 0.50000000 → 0.5}), {@code grouped} (the same with thousands separators,
 *   {@code 64999.02000000 → 64,999.02}) or {@code raw} (exactly as on the wire);</li>
 *   <li>{@code {{} and {@code }}} — literal braces.</li>
 * </ul>
 * Decimals are formatted from their exact {@link BigDecimal} value, never through a double. Unknown formats and
 * unbalanced braces are refused when the template is parsed (at configuration time), never while sending.
 */
public final class MessageTemplate {
  private final List<Part> parts;

  private MessageTemplate(List<Part> parts) {
    this.parts = parts;
  }

  /** @throws IllegalArgumentException describing the first syntax error */
  public static MessageTemplate parse(String text) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("template: unclosed '{' at " + i);
        }
        if (literal.length() > 0) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(placeholder(text.substring(i + 1, end), i));
        i = end + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("template: unmatched '}' at " + i + " (write '}}' for a brace)");
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return new MessageTemplate(List.copyOf(parts));
  }

  private static Part placeholder(String body, int at) {
    String fallback = null;
    int bar = body.indexOf('|');
    if (bar >= 0) {
      fallback = body.substring(bar + 1);
      body = body.substring(0, bar);
    }
    AmountFormat format = AmountFormat.PLAIN;
    int colon = body.indexOf(':');
    if (colon >= 0) {
      format = AmountFormat.parse(body.substring(colon + 1).trim(), at);
      body = body.substring(0, colon);
    }
    String name = body.trim();
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("template: bad placeholder name '" + name + "' at " + at);
    }
    return new Placeholder(name, format, fallback);
  }

  /** The text with each placeholder replaced from {@code values} (String, BigDecimal, numbers, or null). */
  public String render(Map<String, ?> values) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Literal l) {
        out.append(l.text);
      } else if (p instanceof Placeholder ph) {
        Object v = values.get(ph.name);
        String s = v instanceof BigDecimal d ? ph.format.format(d) : v == null ? "" : v.toString();
        out.append(s.isEmpty() && ph.fallback != null ? ph.fallback : s);
      }
    }
    return out.toString();
  }

  private sealed interface Part permits Literal, Placeholder {
  }

  private record Literal(String text) implements Part {
  }

  private record Placeholder(String name, AmountFormat format, String fallback) implements Part {
  }
}
