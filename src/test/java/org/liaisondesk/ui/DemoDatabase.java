package org.liaisondesk.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;

/**
 * Fills a database with plausible opinions for screenshots and start-up measurements (the list on 100,000
 * opinions): {@code java -cp target/liaison-desk.jar:target/test-classes org.liaisondesk.ui.DemoDatabase DB N}.
 * Written through {@code OpinionRepository.createAll} in chunks.
 */
public final class DemoDatabase {

    private static final String[] TEXTS = {
        "小区门口的公交站台没有遮雨棚,老人下雨天候车很不方便,建议增设遮雨棚和座椅。",
        "老旧小区加装电梯进展慢,低层住户意见不一致,希望街道牵头协调,出台补贴细则。",
        "社区食堂价格实惠,但只有午餐,建议增加晚餐供应,方便独居老人。",
        "晚上小区停车位严重不足,车辆停到消防通道上,存在安全隐患,建议挖潜增设停车位。",
        "垃圾分类投放点离住宅楼太远,雨天老人投放困难,建议增设投放点并延长开放时间。",
        "亚运场馆赛后希望更多向市民开放,价格再优惠一些,方便周边居民健身。",
        "河道近期有异味,疑似有排污口偷排,请相关部门检查并公开整改结果。",
        "孩子上学路上的人行横道没有信号灯,早高峰车辆多,建议增设信号灯和护学岗。",
        "社区卫生服务中心挂号难,专家号很快约满,建议增加家庭医生签约服务。",
        "小微企业反映办事材料多、跑动多,希望推进一网通办,减少重复提交材料。",
        "建议人大代表联络站固定接待日再增加晚上时段,方便上班族反映意见。",
        "希望在常委会审议养老服务条例时,多听取基层养老护理员的意见。",
        "菜市场改造后摊位费上涨,部分摊主经营困难,希望有关部门关注。",
        "托育机构收费偏高、名额少,双职工家庭送托难,建议发展普惠托育。",
        "地铁站出口到小区没有非机动车停放点,共享单车乱停放影响通行。",
        "老年人不会用智能手机预约办事,建议保留线下窗口和人工服务。",
        "建议公开人大代表建议的办理进度和答复结果,方便群众监督。",
        "工地夜间施工噪音大,影响周边居民休息,请执法部门加强夜间巡查。",
        "社区公园健身器材老化损坏,存在安全隐患,建议及时维修更换。",
        "建议加强对新就业形态劳动者的权益保障,外卖骑手缺少休息场所。",
    };
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"秀英", "建国", "丽", "伟", "芳", "敏", "静", "强", "磊", "洋", "婷", "军"};
    private static final int CHUNK = 5_000;

    private DemoDatabase() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            if (app.stations().current().isEmpty()) {
                app.stations().initialize("GS-007", "拱墅区米市巷街道人大代表联络站", StationMode.STATION, "demo");
            }
            if (app.users().needsFirstAdministrator()) {
                app.users().createFirstAdministrator("张丽", DesktopFixture.PASSWORD.toCharArray());
            }
            fill(app, count, new Random(20230501));
        }
        System.out.printf("filled %d opinions in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
    }

    static void fill(AppContext app, int count, Random random) {
        LocalDateTime first = LocalDateTime.of(2023, 1, 3, 9, 0);
        Channel[] channels = Channel.values();
        List<Opinion> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < count; i++) {
            LocalDateTime at = first.plusMinutes((long) i * 525_600L * 2 / Math.max(count, 1))
                    .withHour(8 + random.nextInt(10));
            String name = random.nextInt(3) == 0 ? null
                    : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            List<AreaTag> tags = new ArrayList<>();
            int area = random.nextInt(7);
            if (area > 0) {
                tags.add(new AreaTag(area, null, null, true, 0.6, TagSource.AUTO, null, "demo"));
                int second = 1 + random.nextInt(6);
                if (second != area && random.nextBoolean()) {
                    tags.add(new AreaTag(second, null, null, false, 0.3, TagSource.AUTO, null, "demo"));
                }
            }
            Instant now = Instant.now();
            chunk.add(new Opinion(UUID.randomUUID(), null, "GS-007", at, channels[random.nextInt(channels.length)],
                    new Constituent(name, null, null, name != null && random.nextBoolean()), "张丽",
                    TEXTS[random.nextInt(TEXTS.length)], tags,
                    random.nextInt(5) == 0 ? Status.REVIEWED : Status.RECORDED, now, now, 1, false));
            if (chunk.size() == CHUNK) {
                app.opinions().createAll(chunk, "demo");
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            app.opinions().createAll(chunk, "demo");
        }
    }
}
