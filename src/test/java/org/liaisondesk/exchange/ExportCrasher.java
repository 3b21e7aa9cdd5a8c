package org.liaisondesk.exchange;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.crypto.BatchCrypto;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.service.ContactPolicy;
import org.liaisondesk.store.ExchangeRepository;

/**
 * Child process of {@link ExportCrashTest}: exports an encrypted batch and dies like {@code kill -9}
 * ({@code Runtime.halt}: no finally blocks, no shutdown hooks) at one of two moments: {@code afterRename}, when the
 * sealed file has its final name on the medium but the station has not recorded it; {@code whileSealing}, when the
 * plain batch sits in the work folder and half the ciphertext is on the medium.
 */
public final class ExportCrasher {

    private ExportCrasher() {
    }

    public static void main(String[] args) {
        String when = args[2];
        AppContext ctx = AppContext.open(Path.of(args[0]), Messages.forLanguage("en"));
        ctx.keys().unlock(ExportCrashTest.STATION_PASSPHRASE.toCharArray(), "test");
        BatchKeys real = ctx.keys();
        BatchKeys dying = new BatchKeys() {
            @Override
            public boolean encryptsBatches() {
                return real.encryptsBatches();
            }

            @Override
            public OutputStream encryptForGeneral(OutputStream out, String actor) {
                OutputStream sealed = real.encryptForGeneral(out, actor);
                if (!when.equals("whileSealing")) {
                    return sealed;
                }
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        Runtime.getRuntime().halt(9);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        sealed.write(b, off, len);
                        sealed.flush();
                        out.flush();
                        Runtime.getRuntime().halt(9);
                    }
                };
            }

            @Override
            public void verifyWritten(Path file, String actor) {
                Runtime.getRuntime().halt(9); // afterRename: the file is complete and named, nothing recorded
            }

            @Override
            public BatchCrypto.Decrypted openVerified(Path file) {
                return real.openVerified(file);
            }

            @Override
            public boolean stationKeyRegistered(String station) {
                return real.stationKeyRegistered(station);
            }

            @Override
            public boolean anyStationKeyRegistered() {
                return real.anyStationKeyRegistered();
            }
        };
        ExportService exports = new ExportService(new ExchangeRepository(ctx.database()), ctx.stations()::current,
                ctx.json(), () -> ExportPrivacy.BY_CONSENT, ContactPolicy::forExport, dying,
                ctx.database().file().toAbsolutePath().resolveSibling("exchange-work"), Clock.systemDefaultZone());
        exports.export(Path.of(args[1]), "crasher");
        System.exit(0); // not reached when it died
    }
}
