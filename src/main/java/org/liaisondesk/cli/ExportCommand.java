package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.liaisondesk.exchange.ExportService;
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
        ExportService exports = root.context().exports();
        PrintWriter stdout = spec.commandLine().getOut();
        Optional<ExportService.Exported> done;
        if (again != null) {
            done = Optional.of(exports.exportAgain(again, out, root.actor()));
        } else {
            done = exports.export(out, privacy != null ? privacy : exports.privacySetting(), root.actor());
        }
        stdout.println(done.map(e -> e.file().toString())
                .orElseGet(() -> root.messages().get("cli.export.nothing")));
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
