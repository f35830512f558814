package org.aptituderouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The image definitions, read statically (Docker cannot run here, so no image is built by these tests): the
 * start command matches bin/router, the user and state dir match the StatefulSet, the GPU image is the CUDA build.
 * assemble.sh, which lays out the class path inside the image, is run for real on a tiny module.
 */
class ContainerImageTest {

    private static final Path IMAGE_DIR = RepoLayout.deployModule().resolve("image");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVE_LINE =
            Pattern.compile("(?m)^\\s*serve\\|[^)]*\\)\\s*module=(\\S+);\\s*main=([\\w.]+)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Dockerfile", "Dockerfile.gpu"})
    void startsTheAppAsBinRouterServeDoes(String dockerfileName) throws IOException {
        Dockerfile dockerfile = Dockerfile.read(IMAGE_DIR.resolve(dockerfileName));
        Matcher serve = SERVE_LINE.matcher(Files.readString(RepoLayout.resolve("bin/router")));
        assertThat(serve.find())
                .as("bin/router still maps 'serve' to a module and main class")
                .isTrue();

        List<String> entrypoint = dockerfile.finalStageJsonInstruction("ENTRYPOINT");
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint)
                .contains(
                        "-Dai.djl.offline=true",
                        "@/app/classpath.argfile",
                        // logs to stdout, where the cluster collects them, not to a file in the container
                        "-Dlogback.configurationFile=logback-container.xml");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(serve.group(2));
        assertThat(dockerfile.finalStageJsonInstruction("CMD")).containsExactly("serve");
        // The build stage packages that module and lays out /app from its classes and classpath.txt.
        assertThat(dockerfile.text())
                .contains("-pl " + serve.group(1) + " -am package")
                .contains("assemble.sh " + serve.group(1) + " /out/app /app")
                .contains("COPY --from=build /out/app /app");
    }

    /**
     * The image packages streams-app's runtime class path: the development tools (in-process broker, Kafka's test
     * kit, the registry server) must reach it only through local-cluster, at provided scope.
     */
    @Test
    void theImagesModuleLeavesTheLocalClusterOut() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(RepoLayout.resolve("streams-app/pom.xml").toFile());
        Map<String, String> scopes = new HashMap<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            NodeList scope = dependency.getElementsByTagName("scope");
            scopes.put(
                    dependency.getElementsByTagName("artifactId").item(0).getTextContent(),
                    scope.getLength() == 0 ? "compile" : scope.item(0).getTextContent());
        }
        assertThat(scopes)
                .containsEntry("local-cluster", "provided")
                .doesNotContainKeys("kafka-server", "kafka-test-common-runtime");
    }

    /**
     * What the image runs: streams-app's packaged runtime class path (the reactor packages streams-app before these
     * tests run). It holds no development tool, and asking it for embedded mode stops start-up saying what to set.
     */
    @Test
    void theImagesClassPathRefusesEmbeddedModeSayingWhatToSet() throws Exception {
        Path classpathFile = RepoLayout.resolve("streams-app/target/classpath.txt");
        Assumptions.assumeTrue(
                Files.isRegularFile(classpathFile),
                "streams-app is not packaged (run mvn verify from the repository root, which packages it first)");
        String classpath = Files.readString(classpathFile).trim();
        assertThat(classpath).doesNotContain("local-cluster", "kafka-server", "kafka-test-common");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Finished serve = runToEnd(List.of(
                java.toString(),
                "-cp",
                RepoLayout.resolve("streams-app/target/classes") + ":" + classpath,
                "-Dai.djl.offline=true",
                "-Dlogback.configurationFile=logback-container.xml",
                "org.aptituderouter.app.RouterApplication",
                "serve",
                "--router.embedded=true",
                "--micronaut.server.port=-1"));
        String output = serve.output();

        assertThat(serve.exitCode()).as(output).isEqualTo(1);
        assertThat(output).contains("router.embedded=true needs the local-cluster module", "kafka.bootstrap.servers");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Dockerfile", "Dockerfile.gpu"})
    void runsAsTheNumericUserOfTheStatefulSetWithItsStateDirReady(String dockerfileName) throws IOException {
        Dockerfile dockerfile = Dockerfile.read(IMAGE_DIR.resolve(dockerfileName));
        StatefulSet base = baseStatefulSet();
        PodSecurityContext security = base.getSpec().getTemplate().getSpec().getSecurityContext();
        Container router =
                base.getSpec().getTemplate().getSpec().getContainers().get(0);
        String stateMount = router.getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals("state"))
                .findFirst()
                .orElseThrow()
                .getMountPath();

        assertThat(dockerfile.finalStage("USER"))
                .containsExactly(security.getRunAsUser() + ":" + security.getRunAsGroup());
        assertThat(String.join("\n", dockerfile.finalStage("RUN")))
                .contains("install -d -o " + security.getRunAsUser() + " -g " + security.getRunAsGroup())
                .contains(stateMount);
        assertThat(dockerfile.finalStage("EXPOSE"))
                .containsExactly(String.valueOf(AppContract.read().httpPort()));
        assertThat(Files.readString(IMAGE_DIR.resolve(dockerfileName + ".dockerignore")))
                .contains("**/target")
                .contains(".git");
    }

    @Test
    void cpuImageIsTheTemurin17Jre() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(IMAGE_DIR.resolve("Dockerfile"));

        assertThat(dockerfile.finalBaseImage()).startsWith("eclipse-temurin:17").contains("jre");
        assertThat(dockerfile.text()).doesNotContain("-Pgpu");
    }

    @Test
    void gpuImageIsTheCudaBuildOnCuda12WithCudnn9() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(IMAGE_DIR.resolve("Dockerfile.gpu"));

        // onnxruntime_gpu links libcudart.so.12 and libcublas.so.12 and loads cuDNN 9.
        assertThat(dockerfile.finalBaseImage()).matches("nvidia/cuda:12\\.[0-9.]+-cudnn-runtime-ubuntu[0-9.]+");
        assertThat(dockerfile.text())
                .contains("mvn -B -q -DskipTests -Pgpu ")
                .contains("COPY --from=jre /opt/java/openjdk /opt/java/openjdk");
        assertThat(dockerfile.baseImageOfStage("jre")).startsWith("eclipse-temurin:17");
        // -Pgpu is what swaps onnxruntime for onnxruntime_gpu in the parent POM.
        assertThat(Files.readString(RepoLayout.resolve("pom.xml")))
                .containsPattern(
                        "<id>gpu</id>\\s*<properties><onnxruntime.artifact>onnxruntime_gpu</onnxruntime.artifact>");
    }

    @Test
    void assembleLaysOutAClassPathJavaCanStartFrom(@TempDir Path temp) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(javac != null, "no Java compiler in this JVM (a JRE): assemble.sh is not exercised");
        // A module whose main class needs a class from a dependency jar, as streams-app needs router-core.
        Path module = temp.resolve("module");
        Path classes = Files.createDirectories(module.resolve("target/classes"));
        Path libSources = Files.createDirectories(temp.resolve("lib-src/dep"));
        Files.writeString(
                libSources.resolve("Greeting.java"),
                "package dep; public class Greeting { public static String of(String a) { return \"routed \" + a; } }");
        Path libClasses = Files.createDirectories(temp.resolve("lib-classes"));
        assertThat(javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        libClasses.toString(),
                        libSources.resolve("Greeting.java").toString()))
                .isZero();
        Path jar = temp.resolve("repository/dep/dep-1.0.jar");
        writeJar(libClasses, "dep/Greeting.class", jar);
        Path main = Files.createDirectories(temp.resolve("main-src/app")).resolve("Main.java");
        Files.writeString(
                main,
                "package app; public class Main { public static void main(String[] a) {"
                        + " System.out.println(dep.Greeting.of(a[0])); } }");
        assertThat(javac.run(null, null, null, "-cp", jar.toString(), "-d", classes.toString(), main.toString()))
                .isZero();
        Files.writeString(module.resolve("target/classpath.txt"), jar.toString());

        Path out = temp.resolve("out");
        run(List.of(
                "bash",
                IMAGE_DIR.resolve("assemble.sh").toString(),
                module.toString(),
                out.toString(),
                out.toString()));
        assertThat(out.resolve("lib/dep-1.0.jar")).exists();
        assertThat(out.resolve("classes/app/Main.class")).exists();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String output = run(List.of(java.toString(), "@" + out.resolve("classpath.argfile"), "app.Main", "serve"));
        assertThat(output.trim()).isEqualTo("routed serve");
    }

    private static StatefulSet baseStatefulSet() throws IOException {
        return new KubernetesSerialization()
                .unmarshal(
                        Files.readString(RepoLayout.deployModule().resolve("base/statefulset.yaml")),
                        StatefulSet.class);
    }

    private static void writeJar(Path classesDir, String entry, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classesDir.resolve(entry)));
            out.closeEntry();
        }
    }

    /** Runs the command to a successful end; its output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Finished finished = runToEnd(command);
        assertThat(finished.exitCode()).as("%s\n%s", command, finished.output()).isZero();
        return finished.output();
    }

    private record Finished(int exitCode, String output) {}

    /** Runs the command until it exits by itself (at most two minutes), output and errors together. */
    private static Finished runToEnd(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("container-image-test", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = process.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(exited).as("%s exits by itself\n%s", command, output).isTrue();
            return new Finished(process.exitValue(), output);
        } finally {
            Files.delete(log);
        }
    }

    /** Just enough of a Dockerfile's structure: stages, instructions with continuations joined, ARG defaults. */
    private record Dockerfile(String text, List<Stage> stages, Map<String, String> globalArgs) {

        private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$", Pattern.DOTALL);
        private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

        record Stage(String from, String name, List<String[]> instructions) {}

        static Dockerfile read(Path path) throws IOException {
            String text = Files.readString(path);
            List<String> logical = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                } else {
                    current.append(line);
                    if (!current.toString().isBlank()) {
                        logical.add(current.toString().strip());
                    }
                    current.setLength(0);
                }
            }
            Map<String, String> args = new HashMap<>();
            List<Stage> stages = new ArrayList<>();
            for (String instruction : logical) {
                Matcher matcher = INSTRUCTION.matcher(instruction);
                if (!matcher.matches()) {
                    throw new AssertionError(path + ": cannot read instruction '" + instruction + "'");
                }
                String keyword = matcher.group(1);
                String argument = matcher.group(2).strip();
                if (keyword.equals("FROM")) {
                    String[] parts = argument.split("\\s+");
                    String name = parts.length >= 3 && parts[1].equalsIgnoreCase("AS") ? parts[2] : null;
                    stages.add(new Stage(resolve(parts[0], args), name, new ArrayList<>()));
                } else if (stages.isEmpty() && keyword.equals("ARG") && argument.contains("=")) {
                    args.put(
                            argument.substring(0, argument.indexOf('=')),
                            argument.substring(argument.indexOf('=') + 1));
                } else if (!stages.isEmpty()) {
                    stages.get(stages.size() - 1).instructions().add(new String[] {keyword, argument});
                }
            }
            assertThat(stages).as("stages of %s", path).isNotEmpty();
            return new Dockerfile(text, stages, args);
        }

        String finalBaseImage() {
            return stages.get(stages.size() - 1).from();
        }

        String baseImageOfStage(String name) {
            return stages.stream()
                    .filter(stage -> name.equals(stage.name()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no stage named " + name))
                    .from();
        }

        List<String> finalStage(String keyword) {
            return stages.get(stages.size() - 1).instructions().stream()
                    .filter(instruction -> instruction[0].equals(keyword))
                    .map(instruction -> instruction[1])
                    .toList();
        }

        List<String> finalStageJsonInstruction(String keyword) throws IOException {
            List<String> found = finalStage(keyword);
            assertThat(found).as("%s instructions in the final stage", keyword).hasSize(1);
            return JSON.readValue(found.get(0), new TypeReference<List<String>>() {});
        }

        private static String resolve(String value, Map<String, String> args) {
            Matcher matcher = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String replacement = args.get(matcher.group(1));
                if (replacement == null) {
                    throw new AssertionError("FROM uses ${" + matcher.group(1) + "}, which has no ARG default");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
