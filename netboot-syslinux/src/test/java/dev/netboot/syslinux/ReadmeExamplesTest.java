package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles and runs each builder example of README.md and checks that it renders exactly the
 * text block that follows it, so the README cannot drift from the code.
 */
class ReadmeExamplesTest {
  private static final Pattern EXAMPLE = Pattern.compile(
      "<!-- example: ([a-z-]+) -->\\n```java\\n(.*?)```\\n\\n```text\\n(.*?)```", Pattern.DOTALL);

  @ParameterizedTest
  @ValueSource(strings = {"pxe-http", "extlinux-ipxe", "vesamenu-submenu"})
  void exampleRendersTheTextShownAfterIt(String name, @TempDir Path dir) throws Exception {
    String readme = Files.readString(Paths.get("README.md"));
    Matcher m = EXAMPLE.matcher(readme);
    String code = null;
    String expected = null;
    while (m.find()) {
      if (m.group(1).equals(name)) {
        code = m.group(2);
        expected = m.group(3);
      }
    }
    assertThat(code).as("example " + name + " in README.md").isNotNull();

    String rendered = run(code, dir);

    assertThat(rendered).isEqualTo(expected);
    assertThat(SyslinuxConfig.parse(name, rendered).render()).isEqualTo(rendered);
  }

  private static String run(String body, Path dir) throws Exception {
    String source = "import dev.netboot.syslinux.*;\n"
        + "public class Example {\n  public static String render() {\n" + body
        + "    return config.render();\n  }\n}\n";
    Path file = dir.resolve("Example.java");
    Files.writeString(file, source);
    // Reflection, because test sources are compiled into the module, which does not (and
    // should not) read java.compiler; the tests themselves run on the class path.
    Object javac = Class.forName("javax.tools.ToolProvider")
        .getMethod("getSystemJavaCompiler").invoke(null);
    Method run = Class.forName("javax.tools.Tool").getMethod("run",
        java.io.InputStream.class, java.io.OutputStream.class, java.io.OutputStream.class,
        String[].class);
    int status = (Integer) run.invoke(javac, null, null, null, new String[] {"-classpath",
        System.getProperty("java.class.path"), "-d", dir.toString(), file.toString()});
    assertThat(status).as("javac exit status for\n" + source).isZero();
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader())) {
      Method render = loader.loadClass("Example").getMethod("render");
      return (String) render.invoke(null);
    }
  }
}
