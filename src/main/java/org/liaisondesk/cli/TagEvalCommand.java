package org.liaisondesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.tagging.BigramTagger;
import org.liaisondesk.tagging.TagEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tag-eval LABELLED.jsonl [--learn-from TUNE.jsonl] [--steps 0,25,50,100,200] [--shuffles 5]}: the figures of
 * {@code tag-eval.py} for the bundled tagger (report, synonym list, everyday topics; nothing a station taught it,
 * and no database is opened), or with {@code --learn-from} the learning curve: the same figures on LABELLED after
 * 0, 25, 50 … corrections taken from TUNE (items with no area teach "no area"), averaged over shuffled orders.
 */
@Command(name = "tag-eval", mixinStandardHelpOptions = true, sortOptions = false)
final class TagEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LABELLED.jsonl", descriptionKey = "tagEval.labelled")
    Path labelled;

    @Option(names = "--learn-from", paramLabel = "TUNE.jsonl", descriptionKey = "tagEval.learnFrom")
    Path learnFrom;

    @Option(names = "--steps", paramLabel = "N,N,...", split = ",", descriptionKey = "tagEval.steps")
    int[] steps = {0, 25, 50, 100, 200};

    @Option(names = "--shuffles", paramLabel = "N", descriptionKey = "tagEval.shuffles")
    int shuffles = 5;

    @Option(names = "--misses", descriptionKey = "tagEval.misses")
    boolean misses;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        List<TagEvaluation.Item> items = read(labelled, mapper);
        BigramTagger tagger = BigramTagger.loadDefault();
        if (learnFrom == null) {
            TagEvaluation.Metrics m = TagEvaluation.evaluate(tagger, items);
            if (misses) {
                m.misses().forEach(out::println);
            }
            out.println(m);
        } else {
            if (shuffles < 1 || Arrays.stream(steps).anyMatch(s -> s < 0)) {
                throw new UserFacingException("cli.error.tagEvalSteps");
            }
            List<TagEvaluation.Item> tune = read(learnFrom, mapper);
            out.println(String.format("%-12s %7s %7s %9s %9s", "corrections", "top1", "top2", "abstain", "untagged"));
            for (TagEvaluation.CurvePoint p : TagEvaluation.learningCurve(tagger, tune, items, steps, shuffles)) {
                out.println(String.format("%-12d %7.3f %7.3f %9.3f %9.3f", p.corrections(), p.top1(), p.top2(),
                        p.abstained(), p.untagged()));
            }
        }
        out.flush();
        return Cli.OK;
    }

    private static List<TagEvaluation.Item> read(Path file, ObjectMapper mapper) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TagEvaluation.read(in, mapper);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("cli.error.tagEvalFile", e, file);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserFacingException("cli.error.tagEvalLine", e, file, e.getMessage());
        }
    }
}
