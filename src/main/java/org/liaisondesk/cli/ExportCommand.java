package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.List;
import org.liaisondesk.exchange.ExportService;
import org.liaisondesk.exchange.HandlingBatches;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.ExportPrivacy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code export --out DIR [--again SEQ] [--privacy full|masked|none|consent]}: writes the next batch (or an earlier
 * one again) and prints its path; warns on stderr when the batch could not be encrypted.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false)
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "export.out")
    Path out;

    @Option(names = "--again", paramLabel = "SEQ", descriptionKey = "export.again")
    Integer again;

    @Option(names = "--privacy", paramLabel = "full|masked|none|consent", descriptionKey = "export.privacy",
            converter = PrivacyConverter.class)
    ExportPrivacy privacy;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        boolean general = root.context().stations().current().map(s -> s.mode() == StationMode.GENERAL)
                .orElse(false);
        Optional<ExportService.Exported> done = Optional.empty();
        if (!general || again != null) {
            ExportService exports = root.context().exports();
            if (again != null) {
                done = Optional.of(exports.exportAgain(again, out, root.actor()));
            } else {
                done = exports.export(out, privacy != null ? privacy : exports.privacySetting(), root.actor());
            }
            done.ifPresent(e -> stdout.println(e.file()));
        }
        // the handling loop: return batches at the general station, handling changes going up at a station
        List<HandlingBatches.Written> handling = again != null ? List.of()
                : root.context().handlingBatches().export(out, root.actor());
        handling.forEach(w -> stdout.println(w.file()));
        if (done.isEmpty() && handling.isEmpty()) {
            // the general station sends return batches, not opinions: say what it would have written
            stdout.println(root.messages().get(general ? "exchange.return.nothing" : "cli.export.nothing"));
        }
        stdout.flush();
        if (done.filter(e -> !e.encrypted()).isPresent()) {
            PrintWriter stderr = spec.commandLine().getErr();
            stderr.println(root.messages().get("cli.export.notEncrypted"));
            stderr.flush();
        }
        return Cli.OK;
    }

    /** {@code consent} (or {@code by-consent}), {@code full}, {@code masked}, {@code none}. */
    static final class PrivacyConverter implements ITypeConverter<ExportPrivacy> {
        @Override
        public ExportPrivacy convert(String value) {
            String code = "consent".equalsIgnoreCase(value) ? ExportPrivacy.BY_CONSENT.code() : value.toLowerCase(
                    java.util.Locale.ROOT);
            return ExportPrivacy.fromCode(code).orElseThrow(() -> new TypeConversionException(
                    "use full, masked, none or consent, not '" + value + "'"));
        }
    }
}
