package org.liaisondesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.liaisondesk.crypto.BatchCrypto;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.exchange.PlainBatches;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.service.KeyService;
import org.liaisondesk.service.KeyService.KeyInfo;
import org.liaisondesk.service.Permissions.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keys generate|export-public|import-general|import-station|show|encrypt|decrypt|passphrase|plain-batches}:
 * encrypted batches, and the general station's policy for unsigned ones. Private keys are used only after
 * {@code --key-passphrase-stdin} unlocked them for the run.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Generate.class, KeysCommand.ExportPublic.class, KeysCommand.ImportGeneral.class,
                KeysCommand.ImportStation.class, KeysCommand.Show.class, KeysCommand.Encrypt.class,
                KeysCommand.Decrypt.class, KeysCommand.Passphrase.class, KeysCommand.PlainBatchesPolicy.class})
final class KeysCommand extends CommandGroup {

    private int print(String key, KeyInfo info) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(root.messages().get(key, info.owner(), info.fingerprint()));
        if (info.companionFingerprint() != null && !"keys.generated".equals(key)) {
            out.println(root.messages().get("loop.keys.companion", info.companionAlgorithm(),
                    info.companionFingerprint()));
        }
        out.flush();
        return Cli.OK;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            parent.root.require(Action.MANAGE_KEYS);
            return parent.print("keys.generated", parent.root.context().keys().generateGeneral(parent.root.actor()));
        }
    }

    @Command(name = "export-public", mixinStandardHelpOptions = true)
    static final class ExportPublic implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "keys.out")
        Path out;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            root.require(Action.MANAGE_KEYS);
            KeyInfo info = root.context().keys().exportPublic(out, root.actor());
            return parent.print("keys.exported", info);
        }
    }

    @Command(name = "import-general", mixinStandardHelpOptions = true)
    static final class ImportGeneral implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "keys.file")
        Path file;

        @Override
        public Integer call() {
            parent.root.require(Action.MANAGE_KEYS);
            return parent.print("keys.imported",
                    parent.root.context().keys().importGeneral(file, parent.root.actor()));
        }
    }

    @Command(name = "import-station", mixinStandardHelpOptions = true)
    static final class ImportStation implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "keys.file")
        Path file;

        @Override
        public Integer call() {
            parent.root.require(Action.MANAGE_KEYS);
            return parent.print("keys.imported",
                    parent.root.context().keys().importStation(file, parent.root.actor()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            Messages m = parent.root.messages();
            PrintWriter out = parent.spec.commandLine().getOut();
            for (KeyInfo k : parent.root.context().keys().show()) {
                out.println(m.get("keys.role." + k.role()) + "\t" + k.owner()
                        + (k.name() == null ? "" : " " + k.name()) + "\t" + k.algorithm() + "\t" + k.fingerprint());
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Encrypt implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--in", required = true, paramLabel = "FILE", descriptionKey = "keys.in")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "keys.out")
        Path out;

        @Override
        public Integer call() {
            parent.root.context().keys().encryptFile(in, out, parent.root.actor());
            parent.spec.commandLine().getOut().println(out);
            return Cli.OK;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Decrypt implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Option(names = "--in", required = true, paramLabel = "FILE", descriptionKey = "keys.in")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "keys.out")
        Path out;

        @Override
        public Integer call() {
            BatchCrypto.Origin origin = parent.root.context().keys().decryptFile(in, out);
            parent.spec.commandLine().getOut().println(parent.root.messages().get("keys.decrypted", out,
                    origin.station(), origin.signerFingerprint()));
            return Cli.OK;
        }
    }

    /** {@code keys plain-batches [until-keys|allow|refuse]}: shows or sets the general station's policy. */
    @Command(name = "plain-batches", mixinStandardHelpOptions = true)
    static final class PlainBatchesPolicy implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Parameters(index = "0", arity = "0..1", paramLabel = "until-keys|allow|refuse",
                descriptionKey = "keys.plainPolicy", converter = PolicyConverter.class)
        PlainBatches policy;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            ImportService imports = root.context().imports();
            if (policy != null) {
                root.require(Action.MANAGE_KEYS);
                imports.setPlainBatches(policy, root.actor());
            }
            Messages m = root.messages();
            PrintWriter out = parent.spec.commandLine().getOut();
            out.println(m.get(policy == null ? "keys.plainBatches.shown" : "keys.plainBatches.set",
                    m.get("keys.plainBatches." + imports.plainBatches().code())));
            out.flush();
            return Cli.OK;
        }
    }

    static final class PolicyConverter implements ITypeConverter<PlainBatches> {
        @Override
        public PlainBatches convert(String value) {
            return PlainBatches.fromCode(value.toLowerCase(java.util.Locale.ROOT)).orElseThrow(
                    () -> new TypeConversionException("use until-keys, allow or refuse, not '" + value + "'"));
        }
    }
    /** {@code keys passphrase}: sets or changes the key passphrase (current, if any, then new: one line each). */
    @Command(name = "passphrase", mixinStandardHelpOptions = true)
    static final class Passphrase implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;

        @Override
        public Integer call() {
            RootCommand root = parent.root;
            root.require(Action.MANAGE_KEYS);
            KeyService keys = root.context().keys();
            char[] current = keys.hasPassphrase() && !keys.isUnlocked()
                    ? root.readSecretLine("keys.error.noPassphrase") : new char[0];
            char[] next = root.readSecretLine("keys.error.noPassphrase");
            try {
                keys.changePassphrase(current, next, root.actor());
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
            }
            parent.spec.commandLine().getOut().println(root.messages().get("keys.passphraseSet"));
            return Cli.OK;
        }
    }
}
