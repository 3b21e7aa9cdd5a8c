package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;

/** The export's read-back pass: it accepts what was written and notices any byte that differs. */
class BatchFileCheckTest {

    @TempDir
    Path dir;
    private AppContext station;
    private ExportService.Exported batch;

    @BeforeEach
    void setUp() throws Exception {
        station = ExchangeFixture.station(dir);
        ExchangeFixture.addOpinions(station, 5);
        batch = station.exports().export(Files.createDirectory(dir.resolve("usb")), "clerk").orElseThrow();
    }

    @AfterEach
    void close() {
        station.close();
    }

    @Test
    void theFileAsWrittenPasses() {
        assertThatCode(() -> BatchFileCheck.verify(batch.file(), 5, batch.sha256())).doesNotThrowAnyException();
    }

    @Test
    void aChangedCharacterInAnOpinionFails() throws Exception {
        String text = Files.readString(batch.file());
        int at = text.indexOf("\"text\":\"") + 8;
        Path changed = write("changed.json", text.substring(0, at) + "X" + text.substring(at + 1));
        assertRejected(changed, 5, batch.sha256());
    }

    @Test
    void aMissingOpinionLineOrACutEndFails() throws Exception {
        String text = Files.readString(batch.file());
        int second = text.indexOf("\n{\"id\"", text.indexOf("\n{\"id\"") + 1);
        int third = text.indexOf("\n{\"id\"", second + 1);
        assertRejected(write("missing.json", text.substring(0, second) + text.substring(third)), 5,
                batch.sha256());
        assertRejected(write("cut.json", text.substring(0, text.length() - 2)), 5, batch.sha256());
        assertRejected(write("extra.json", text + "\n"), 5, batch.sha256());
    }

    @Test
    void anotherChecksumOrCountFails() {
        assertRejected(batch.file(), 5, "0".repeat(64));
        assertRejected(batch.file(), 4, batch.sha256());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void assertRejected(Path file, long count, String sha) {
        assertThatThrownBy(() -> BatchFileCheck.verify(file, count, sha))
                .isInstanceOf(BatchRejectedException.class).hasMessageContaining("checksum");
    }
}
