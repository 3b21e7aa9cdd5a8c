package org.liaisondesk.reliability;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;

/**
 * Child process of {@link CrashDurabilityTest}: saves opinions one after another through the same service the
 * window and {@code add} use, printing each id only once the save has returned (acknowledged), until killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        try (AppContext ctx = AppContext.open(Path.of(args[0]), Messages.forLanguage("zh"))) {
            System.out.println("ready");
            for (long i = 0; ; i++) {
                OpinionInput in = new OpinionInput(LocalDateTime.now().minusMinutes(1), Channel.PHONE,
                        new Constituent("李四", "13900001111", "翠苑一区", true), null,
                        "断电测试第 " + i + " 条:小区电梯经常停运,老人上下楼困难。".repeat(1 + (int) (i % 7)), null);
                System.out.println(ctx.opinionService().record(in, "crash-writer").id());
            }
        }
    }
}
