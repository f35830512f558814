package org.aptituderouter.core.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.aptituderouter.core.BatchRouter;
import org.aptituderouter.core.Router;
import org.aptituderouter.core.RoutingRequest;
import org.aptituderouter.core.ScoredCandidate;
import org.aptituderouter.core.aptitude.OutcomeCorrection;
import org.aptituderouter.core.bundle.RouterBundle;
import org.aptituderouter.core.capability.Candidate;
import org.aptituderouter.core.capability.CapabilityLines;
import org.aptituderouter.core.capability.CapabilitySet;
import org.aptituderouter.core.encoder.EncoderFamily;
import org.aptituderouter.core.encoder.EncoderVariant;
import org.aptituderouter.core.encoder.MiniLmTokenizer;
import org.aptituderouter.core.inference.InferenceSettings;
import org.aptituderouter.core.policy.PolicySpec;
import org.aptituderouter.core.policy.RoutingPolicy;

/**
 * Throughput of the encoder alone against the whole router (encode + score every zoo candidate + policy), per batch
 * size, for both encoder variants, in one run; and the share of router time the scorer head and policy take.
 * A measurement tool, not a test: run it on a quiet machine.
 *
 * <pre>
 * java -cp ... org.aptituderouter.core.bench.RouterBenchmark [--texts questions.jsonl] [--seconds 5]
 *     [--threads 0] [--bundle DIR] [--zoo zoo-capabilities.jsonl] [--encoder minilm|static]
 * </pre>
 * With {@code --encoder static} the bundle must be one trained for the static encoder (it carries its table). A
 * second table scales the zoo: the same candidates repeated, with new ids, to 100 and 1,000, at batches of 64; the
 * last ones give the cost of a shadow router and of the closed loop's outcome corrections.
 */
public final class RouterBenchmark {

    private static final int[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64, 128};
    private static final int[] ZOO_SIZES = {23, 100, 1000};
    private static final int ZOO_SCALING_BATCH = 64;
    /**
     * Every measurement routes the same instructions, whole passes over this many, so that batch sizes differ only
     * in batching and not in which texts (and lengths) they happened to see.
     */
    private static final int WINDOW = 128;

    private final List<String> texts;
    private final CapabilitySet zoo;
    private final InferenceSettings base;
    private final double seconds;
    private final PrintStream out;

    private RouterBenchmark(
            List<String> texts, CapabilitySet zoo, InferenceSettings base, double seconds, PrintStream out) {
        this.texts = texts;
        this.zoo = zoo;
        this.base = base;
        this.seconds = seconds;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        List<String> texts =
                options.texts == null ? BenchmarkTexts.builtIn() : BenchmarkTexts.sample(options.texts, WINDOW);
        RouterBundle bundle = RouterBundle.open(options.bundle);
        List<Candidate> candidates = options.zoo == null ? bundle.zoo() : readZoo(options.zoo);
        CapabilitySet zoo = CapabilitySet.empty(bundle.aptitudeTest()).withAll(candidates);
        InferenceSettings settings = InferenceSettings.defaults()
                .withIntraOpThreads(options.threads)
                .withBundle(options.bundle)
                .withEncoder(options.encoder);
        new RouterBenchmark(texts, zoo, settings, options.seconds, System.out).run(options.texts);
    }

    private static List<Candidate> readZoo(Path file) throws IOException {
        try (InputStreamReader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return CapabilityLines.read(in);
        }
    }

    private void run(Path source) {
        out.printf(
                Locale.ROOT,
                "texts: %d sampled from %s, mean %.0f characters, mean %.0f tokens (truncated at %d)%n",
                texts.size(),
                source == null ? "the built-in sample" : source,
                meanChars(),
                meanTokens(),
                base.maxTokens());
        out.printf(
                Locale.ROOT,
                "zoo: %d routable candidates, %d-task capability vectors; policy quality%n",
                zoo.routable().size(),
                zoo.dimension());
        out.printf(
                Locale.ROOT,
                "cpu: %s; %d processors visible to the JVM; load average at start %s; ONNX Runtime "
                        + "intra-op threads: %s; per measurement: whole passes over %d instructions, "
                        + "at least %.1f s%n%n",
                HostInfo.cpuName(),
                Runtime.getRuntime().availableProcessors(),
                HostInfo.loadAverage(),
                base.intraOpThreads() == 0 ? "automatic" : base.intraOpThreads(),
                WINDOW,
                seconds);
        out.println("| encoder | batch | encoder alone (instr/s) | full router (instr/s) | router CPU (ms/instr) "
                + "| head+policy share of router time |");
        out.println("|---|---:|---:|---:|---:|---:|");
        List<InferenceSettings> encoders = base.encoder() == EncoderFamily.STATIC
                ? List.of(base)
                : Arrays.stream(EncoderVariant.values())
                        .map(base::withEncoderVariant)
                        .toList();
        for (InferenceSettings settings : encoders) {
            try (Router router = Router.create(settings, PolicySpec.quality())) {
                warmUp(router, zoo);
                float[][] windowEmbeddings = router.encoder().encode(slice(0, WINDOW));
                for (int batch : BATCH_SIZES) {
                    Throughput encoder =
                            measure(batch, texts -> router.encoder().encode(texts));
                    Throughput full = measure(batch, texts -> router.route(requests(texts), zoo));
                    Throughput head = headAndPolicy(router, windowEmbeddings, batch, zoo);
                    out.printf(
                            Locale.ROOT,
                            "| %s | %d | %.1f | %.1f | %.3f | %.2f%% |%n",
                            label(settings),
                            batch,
                            encoder.perSecond(),
                            full.perSecond(),
                            full.cpuMillisEach(),
                            100 * full.perSecond() / head.perSecond());
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "%nZoo scaling, batches of %d:%n%n| encoder | candidates | full router (instr/s) "
                        + "| head+policy alone (instr/s) |%n|---|---:|---:|---:|%n",
                ZOO_SCALING_BATCH);
        try (Router router = Router.create(encoders.get(0), PolicySpec.quality())) {
            float[][] windowEmbeddings = router.encoder().encode(slice(0, WINDOW));
            for (int size : ZOO_SIZES) {
                CapabilitySet scaled = SyntheticZoo.scaled(zoo, size);
                warmUp(router, scaled);
                Throughput full = measure(ZOO_SCALING_BATCH, texts -> router.route(requests(texts), scaled));
                Throughput head = headAndPolicy(router, windowEmbeddings, ZOO_SCALING_BATCH, scaled);
                out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %.1f |%n",
                        label(encoders.get(0)),
                        size,
                        full.perSecond(),
                        head.perSecond());
            }
        }
        shadowCost(encoders.get(0));
        outcomeCost(encoders.get(0));
        out.printf(Locale.ROOT, "%nload average at end %s%n", HostInfo.loadAverage());
    }

    /**
     * What a shadow router costs: the live router alone against the same router with a shadow (the same bundle's head
     * under the cost policy), which scores every batch on the live encoder's embeddings.
     */
    private void shadowCost(InferenceSettings settings) {
        RouterBundle bundle = RouterBundle.open(settings.bundle());
        out.printf(
                Locale.ROOT,
                "%nShadow cost, batches of %d (shadow: the same bundle's head, cost policy):%n%n"
                        + "| encoder | live alone (instr/s) | live + shadow (instr/s) | time per instruction, with / without |"
                        + "%n|---|---:|---:|---:|%n",
                ZOO_SCALING_BATCH);
        try (Router live = Router.create(settings, PolicySpec.quality(), bundle);
                Router shadowed =
                        Router.create(settings, PolicySpec.quality(), bundle, bundle, PolicySpec.cost(0.001))) {
            warmUp(live, zoo);
            warmUp(shadowed, zoo);
            Throughput alone = measure(ZOO_SCALING_BATCH, texts -> live.route(requests(texts), zoo));
            Throughput both = measure(ZOO_SCALING_BATCH, texts -> shadowed.route(requests(texts), zoo));
            out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.2fx |%n",
                    label(settings),
                    alone.perSecond(),
                    both.perSecond(),
                    alone.perSecond() / both.perSecond());
        }
    }

    /**
     * What the closed loop's outcome corrections cost: learning one graded outcome (the instruction embedded alone and
     * scored for one model, then one correction step) against routing, and routing with a correction on every model
     * against routing without.
     */
    private void outcomeCost(InferenceSettings settings) {
        out.printf(
                Locale.ROOT,
                "%nOutcome corrections (learning: one instruction embedded alone, scored for one model, one correction "
                        + "step; routing at batches of %d):%n%n| encoder | outcomes learned (/s) | routing (instr/s) "
                        + "| routing, every model corrected (instr/s) |%n|---|---:|---:|---:|%n",
                ZOO_SCALING_BATCH);
        try (Router router = Router.create(settings, PolicySpec.quality())) {
            warmUp(router, zoo);
            Candidate model = zoo.routable().get(0);
            OutcomeCorrection[] correction = {
                OutcomeCorrection.prior(router.encoder().dimension())
            };
            int[] graded = {0};
            Throughput learning = measure(1, texts -> {
                BatchRouter.ScoredInstruction scored =
                        router.scoreUncorrected(texts.get(0), model).orElseThrow();
                correction[0] = correction[0].after(scored.embedding(), scored.probability(), graded[0]++ % 2);
            });
            CapabilitySet withCorrections = zoo.withAll(zoo.routable().stream()
                    .map(candidate -> candidate.withCorrection(correction[0]))
                    .toList());
            Throughput plain = measure(ZOO_SCALING_BATCH, texts -> router.route(requests(texts), zoo));
            Throughput both = measure(ZOO_SCALING_BATCH, texts -> router.route(requests(texts), withCorrections));
            out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |%n",
                    label(settings),
                    learning.perSecond(),
                    plain.perSecond(),
                    both.perSecond());
        }
    }

    private void warmUp(Router router, CapabilitySet candidates) {
        for (int batch : new int[] {1, 8, 32}) {
            List<String> sample = slice(0, batch);
            router.encoder().encode(sample);
            router.route(requests(sample), candidates);
        }
    }

    private static String label(InferenceSettings settings) {
        return settings.encoder() == EncoderFamily.STATIC
                ? "static"
                : settings.encoderVariant().label();
    }

    /**
     * @param perSecond     instructions per wall-clock second
     * @param cpuMillisEach process CPU time per instruction: less sensitive than wall time to other processes on a
     *                      shared machine (it includes ONNX Runtime's spinning worker threads)
     */
    private record Throughput(double perSecond, double cpuMillisEach) {}

    /** Runs {@code work} on consecutive batches, whole passes over the window, for at least the set time. */
    private Throughput measure(int batch, Consumer<List<String>> work) {
        long cpuStart = HostInfo.processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int done = 0;
        do {
            for (int from = 0; from < WINDOW; from += batch) {
                work.accept(slice(from, batch));
                done += batch;
            }
        } while (System.nanoTime() < deadline);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (HostInfo.processCpuNanos() - cpuStart) / 1e6;
        return new Throughput(done / wall, cpuMillis / done);
    }

    /** The scorer call and the policy over precomputed embeddings: what the router adds to the encoder. */
    private Throughput headAndPolicy(Router router, float[][] windowEmbeddings, int batch, CapabilitySet candidates) {
        float[][] capabilities = candidates.routableScores();
        List<Candidate> routable = candidates.routable();
        RoutingPolicy policy = RoutingPolicy.of(router.defaultPolicy());
        int[] next = {0};
        return measure(batch, ignored -> {
            float[][] embeddings = new float[batch][];
            for (int i = 0; i < batch; i++) {
                embeddings[i] = windowEmbeddings[next[0]++ % WINDOW];
            }
            float[][] p = router.head().score(embeddings, capabilities);
            for (float[] row : p) {
                List<ScoredCandidate> scored = new ArrayList<>(row.length);
                for (int m = 0; m < row.length; m++) {
                    scored.add(new ScoredCandidate(
                            routable.get(m).modelId(), row[m], routable.get(m).cost()));
                }
                policy.rank(scored);
            }
        });
    }

    private List<String> slice(int from, int count) {
        List<String> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(texts.get((from + i) % texts.size()));
        }
        return batch;
    }

    private static List<RoutingRequest> requests(List<String> batch) {
        List<RoutingRequest> requests = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            requests.add(RoutingRequest.of("r" + i, batch.get(i)));
        }
        return requests;
    }

    private double meanChars() {
        return texts.stream().mapToInt(String::length).average().orElse(0);
    }

    private double meanTokens() {
        try (MiniLmTokenizer tokenizer = MiniLmTokenizer.load(EncoderVariant.FP32, base.maxTokens())) {
            double total = 0;
            for (String text : texts) {
                total += tokenizer.tokenize(List.of(text)).length();
            }
            return total / texts.size();
        }
    }

    /** Command-line options; unknown ones are an error rather than silently ignored. */
    private record Options(Path texts, double seconds, int threads, Path bundle, Path zoo, EncoderFamily encoder) {

        static Options parse(String[] args) {
            Path texts = null;
            Path bundle = null;
            Path zoo = null;
            double seconds = 5;
            int threads = 0;
            EncoderFamily encoder = EncoderFamily.MINILM;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--texts" -> texts = Path.of(require(args[i], value));
                    case "--seconds" -> seconds = Double.parseDouble(require(args[i], value));
                    case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                    case "--bundle" -> bundle = Path.of(require(args[i], value));
                    case "--zoo" -> zoo = Path.of(require(args[i], value));
                    case "--encoder" -> encoder = EncoderFamily.parse(require(args[i], value));
                    default ->
                        throw new IllegalArgumentException("unknown option " + args[i]
                                + "; options: --texts FILE --seconds S --threads N --bundle DIR --zoo FILE "
                                + "--encoder minilm|static");
                }
                i++;
            }
            return new Options(texts, seconds, threads, bundle, zoo, encoder);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
