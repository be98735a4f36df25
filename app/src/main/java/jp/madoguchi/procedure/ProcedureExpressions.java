package jp.madoguchi.procedure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the names a BPMN expression ({@code ${...}} or {@code #{...}}) uses, without evaluating it:
 * the variables or beans it starts from, the properties and methods it reaches, the functions it
 * calls and the words inside its string literals. Enough to check an expression before it is
 * deployed; the engine's own resolver enforces the same limits when it is evaluated.
 */
public final class ProcedureExpressions {

  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** Names that reach Java reflection, class loading or the engine's internals; never allowed in an expression. */
  public static final Set<String> REFLECTIVE_NAMES = Set.of("class", "getClass", "forName", "classLoader",
      "getClassLoader", "newInstance", "invoke", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
      "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors",
      "getDeclaredConstructor", "getDeclaredConstructors", "wait", "notify", "notifyAll", "processEngine",
      "getProcessEngine", "processEngineServices", "getProcessEngineServices", "Runtime", "getRuntime", "exec",
      "ProcessBuilder", "System", "Thread", "reflect", "ClassLoader", "ScriptEngineManager");

  private ProcedureExpressions() {
  }

  /**
   * One expression.
   *
   * @param roots names it starts from (process variables or beans), e.g. {@code jst} in {@code ${jst.daysLater(5, 17)}}
   * @param members properties and methods after a dot, e.g. {@code daysLater}
   * @param methods those of the members that are called, e.g. {@code daysLater} but not {@code priority} in
   *     {@code ${routing.priority}}
   * @param functions names called as functions, e.g. {@code now} in {@code ${now()}}
   * @param words words inside its string literals
   * @param nesting how deeply its parentheses and brackets nest
   * @param closed false when the closing brace is missing
   */
  public record Expression(String text, Set<String> roots, Set<String> members, Set<String> methods,
      Set<String> functions, Set<String> words, int nesting, boolean closed) {

    /** Every name the expression mentions, wherever it stands. */
    public Set<String> allNames() {
      Set<String> all = new LinkedHashSet<>(roots);
      all.addAll(members);
      all.addAll(functions);
      all.addAll(words);
      return all;
    }
  }

  public static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Every expression in a text such as {@code 受付番号：${applicationNumber}}. */
  public static List<Expression> in(String text) {
    List<Expression> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    int from = 0;
    while (true) {
      int dollar = text.indexOf("${", from);
      int hash = text.indexOf("#{", from);
      int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
      if (start < 0) {
        return found;
      }
      Scanner scanner = new Scanner(text, start + 2);
      Expression expression = scanner.scan();
      found.add(expression);
      from = scanner.position;
    }
  }

  private static final class Scanner {

    private final String text;
    private final int start;
    private int position;
    private final Set<String> roots = new LinkedHashSet<>();
    private final Set<String> members = new LinkedHashSet<>();
    private final Set<String> methods = new LinkedHashSet<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Set<String> words = new LinkedHashSet<>();
    private int nesting;
    private int deepest;

    Scanner(String text, int position) {
      this.text = text;
      this.start = position - 2;
      this.position = position;
    }

    Expression scan() {
      char previous = ' ';
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '}') {
          position++;
          return expression(true);
        }
        if (c == '\'' || c == '"') {
          stringLiteral(c);
          previous = c;
        } else if (Character.isJavaIdentifierStart(c)) {
          name(previous);
          previous = 'a';
        } else if (Character.isDigit(c)) {
          while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
              || text.charAt(position) == '.')) {
            position++;
          }
          previous = '0';
        } else {
          if (!Character.isWhitespace(c)) {
            previous = c;
          }
          nest(c);
          position++;
        }
      }
      return expression(false);
    }

    private void nest(char c) {
      if (c == '(' || c == '[') {
        nesting++;
        deepest = Math.max(deepest, nesting);
      } else if ((c == ')' || c == ']') && nesting > 0) {
        nesting--;
      }
    }

    private Expression expression(boolean closed) {
      return new Expression(text.substring(start, position), Set.copyOf(roots), Set.copyOf(members),
          Set.copyOf(methods), Set.copyOf(functions), Set.copyOf(words), deepest, closed);
    }

    private void stringLiteral(char quote) {
      StringBuilder content = new StringBuilder();
      position++;
      while (position < text.length() && text.charAt(position) != quote) {
        if (text.charAt(position) == '\\' && position + 1 < text.length()) {
          position++;
        }
        content.append(text.charAt(position++));
      }
      position++;
      Matcher word = WORD.matcher(content);
      while (word.find()) {
        words.add(word.group());
      }
    }

    private void name(char previous) {
      int begin = position;
      while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
        position++;
      }
      String name = text.substring(begin, position);
      if (previous == '.') {
        members.add(name);
        if (nextSignificant() == '(') {
          methods.add(name);
        }
      } else if (nextSignificant() == '(') {
        functions.add(name);
      } else if (!KEYWORDS.contains(name)) {
        roots.add(name);
      }
    }

    private char nextSignificant() {
      int at = position;
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      return at < text.length() ? text.charAt(at) : ' ';
    }
  }
}
