package org.liaisondesk.generate;

/**
 * The slots that topic templates use: the station's places (identity slots: a near-duplicate cluster keeps them),
 * and the colloquial pieces residents fill their sentences with (self-introductions, family members, times,
 * durations, what they already tried, and how they close).
 */
final class Lexicon {

    private static final String[] CN_DIGIT = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private static final String[] OPEN_LETTER = {
        "尊敬的人大代表：", "尊敬的代表：", "人大代表联络站的同志：", "各位代表好！", "尊敬的领导："};
    private static final String[] OPEN_PHONE = {
        "喂，你好，", "你好，我想反映个事，", "喂，是联络站吗？", "你好，我打电话是想说，", "你好你好，"};
    private static final String[] OPEN_FORUM = {
        "我借这个机会说两句，", "我讲个具体的事，", "刚才大家说了很多，我补充一点，", "我提一个问题，",
        "我说说我们那边的情况，"};
    private static final String[] OPEN_DEPUTY = {"代表，", "你们来得正好，", "正好你们来了，", "代表你好，"};
    private static final String[] OPEN_VISIT = {
        "同志你好，", "代表你好，", "我来反映个情况，", "麻烦你们记一下，", "我想说个事，", "你好，"};
    private static final String[] OPEN_ONLINE = {"您好，", "你好，", "代表好，"};
    private static final String[] CLOSE = {
        "希望代表帮忙反映一下。", "麻烦代表跟有关部门说一说。", "希望能引起重视。", "谢谢代表！", "辛苦代表了。",
        "请代表帮忙呼吁一下。", "这是我们很多人的心声。", "希望有个回复。", "麻烦了，谢谢。", "我就说这些。",
        "希望代表能重视。", "拜托了。", "谢谢！", "希望早点落实。"};

    private static final String[] DETAIL = {
        "这个情况已经持续好一阵子了。", "周边好几百户居民都受影响。", "我拍了照片和视频，可以给你们看。",
        "前几天还有人为这个事吵起来了。", "家里人也一直催我来反映。", "我们都是普通老百姓，不知道该找哪个部门。",
        "不光是我一家，邻居们都这么说。", "今天我是代表好几户人家来的。", "我们附近的人都在说这个事。",
        "去年就有人提过，一直没解决。"};

    private Lexicon() {
    }

    static SlotTable build() {
        SlotTable t = new SlotTable();

        // ---- identity slots: the places of the station ----
        t.code("小区", true, c -> c.pick(c.loc.compounds));
        t.code("小区2", true, c -> other(c, c.loc.compounds, c.get(c.slots.id("小区"))));
        t.code("社区", true, c -> c.pick(c.loc.communities));
        t.code("村", true, c -> c.pick(c.loc.villages));
        t.code("路", true, c -> c.pick(c.loc.roads));
        t.code("路2", true, c -> other(c, c.loc.roads, c.get(c.slots.id("路"))));
        t.code("学校", true, c -> c.pick(c.loc.schools));
        t.code("幼儿园", true, c -> c.pick(c.loc.kindergartens));
        t.code("菜场", true, c -> c.pick(c.loc.markets));
        t.code("公园", true, c -> c.pick(c.loc.parks));
        t.code("公交站", true, c -> c.pick(c.loc.busStops));
        t.code("地铁站", true, c -> c.loc.metro.length == 0 ? c.loc.core : c.pick(c.loc.metro));
        t.code("医院", true, c -> c.pick(c.loc.hospitals));
        t.code("卫生院", true, c -> c.loc.healthCentre);
        t.code("场馆", true, c -> c.pick(c.loc.venues));
        t.code("街道", true, c -> c.loc.street);
        t.code("区", true, c -> c.loc.district.name());
        t.phrases("工地", true,
                "[{小区}|我们小区]对面的[安置房|商品房|商业综合体]工地",
                "{路}[地下管网|雨污管网|道路综合]改造工程",
                "{路}[快速路|高架]施工工地",
                "{学校}[扩建|新校区]工地",
                "[{小区}|我们小区]旁边[新开的|正在盖的][写字楼|商场|人才公寓]工地",
                "{路}和{路2}路口的[地铁|隧道|综合管廊]施工工地");

        // ---- numbers, times and durations ----
        t.code("幢", false, c -> (1 + c.r.nextInt(32)) + (c.r.nextInt(4) == 0 ? "栋" : "幢"));
        t.code("年数", false, c -> String.valueOf(3 + c.r.nextInt(36)));
        t.code("年龄老", false, c -> {
            int age = 68 + c.r.nextInt(27);
            return switch (c.r.nextInt(3)) {
                case 0 -> age + "岁";
                case 1 -> CN_DIGIT[age / 10] + "十多岁";
                default -> cnNumber(age) + "岁";
            };
        });
        t.code("户数", false, c -> switch (c.r.nextInt(4)) {
            case 0 -> CN_DIGIT[2 + c.r.nextInt(4)] + "百多户";
            case 1 -> CN_DIGIT[3 + c.r.nextInt(6)] + "十来户";
            case 2 -> (120 + c.r.nextInt(500)) + "户";
            default -> "上千户";
        });
        t.phrases("夜里", false, "晚上十点多", "晚上十一点多", "半夜十二点", "凌晨一两点", "晚上十点以后", "夜里十一二点",
                "凌晨两三点", "半夜");
        t.phrases("早上", false, "早上五点多", "早上六点不到", "清早五点半", "天还没亮", "早上六点");
        t.phrases("时长", false, "两个多月", "快半年", "三个多星期", "一年多", "大半年", "好几个月", "快一年",
                "两年多", "一个多月", "差不多四个月");
        t.phrases("次数", false, "好几次", "三四次", "不下十次", "两三趟", "四五次", "好多回", "五六趟");
        t.phrases("钱", false, "两三千块", "一万多", "八千多块钱", "三万多", "好几万", "五千块", "一万二", "四千多");
        t.phrases("分钟", false, "二十分钟", "半个多小时", "四十分钟", "将近一个小时", "十几分钟", "一个多小时");
        t.phrases("公里", false, "三公里", "五六公里", "十几公里", "两公里多", "七八公里");
        t.phrases("上次", false, "去年[三|五|七|九|十一]月份", "前年", "上半年", "去年年底", "年初", "上个月",
                "今年春节前");

        // ---- people ----
        t.phrases("家人", false, "我老母亲", "我爸", "家里老人", "我女儿", "我儿子", "我爱人", "我老伴", "我婆婆",
                "我外孙", "我孙女");
        t.phrases("老人", false, "我老母亲", "我父亲", "我婆婆", "家里老人", "我丈母娘", "我老父亲", "我外婆");
        t.phrases("孩子", false, "我女儿", "我儿子", "孩子", "我孙女", "我外孙", "我家小孩", "我孙子");
        t.phrases("称呼", false, "王书记", "李主任", "小陈", "网格员小周", "社工小沈", "张书记", "楼道长徐阿姨");

        // ---- how residents open ----
        t.phrases("我住", false,
                "我家住在{小区}{幢}，", "我住{小区}，", "我是{小区}的居民，", "我们是{小区}的业主，",
                "我在{小区}住了{年数}年了，", "我是{社区}{小区}的老住户，", "我家就在{小区}，",
                "我是{小区}{幢}的，", "我住在{社区}，{小区}{幢}，");
        t.phrases("我是", false,
                "我是{社区}的居民，", "我在{街道}住了{年数}年了，", "我是退休教师，", "我是{小区}的楼道长，",
                "我是{社区}的志愿者，", "我是附近单位上班的，", "我是一名退休工人，", "我今年{年龄老}了，",
                "我是{区}人，", "");
        t.phrases("村民", false, "我是{村}的村民，", "我们是{村}的，", "我家在{村}，", "我是{街道}{村}人，",
                "我在{村}住了一辈子了，");
        t.phrases("说实话", false, "", "", "说实话，", "讲句实在话，", "不瞒你们说，", "我跟你们讲，");

        // ---- what they tried, how they feel, how they close ----
        t.phrases("反映过", false, "打过12345", "打了好几次12345", "跟物业反映过", "找过社区", "在网上留过言",
                "打过市长热线", "找过街道", "跟社区网格员讲过", "打过环保热线");
        t.phrases("怨", false, "", "", "真的受不了了。", "大家意见很大。", "老百姓心里有气。", "说了多少次都没用。",
                "我们都很着急。", "这样下去不是办法。");
        t.phrases("求", false,
                "希望代表帮忙反映一下。", "麻烦代表跟有关部门说一说。", "希望有关部门能重视一下。",
                "请代表帮我们问问到底归谁管。", "希望能尽快解决。", "盼着早点有个说法。", "拜托代表帮我们呼吁呼吁。",
                "这个事情希望能给个答复。", "希望人大代表帮我们督促一下。", "不要再推来推去了。",
                "希望这次能真正解决，不要再拖了。", "麻烦帮忙协调一下，谢谢。", "我们老百姓就这点要求。",
                "能不能请相关部门来现场看看？", "希望代表能过问一下。", "拜托了！");
        t.phrases("建议求", false,
                "建议有关部门研究一下。", "希望代表能把这个建议带上去。", "我觉得这个应该不难做到。",
                "这个建议请代表考虑考虑。", "希望能采纳。", "供代表参考。", "这样大家都方便。",
                "老百姓会拍手叫好的。", "希望能听听我们的意见。", "这是我们很多人的想法。");
        t.code("开场", false, c -> {
            String[] options;
            int percent;
            switch (c.channel) {
                case LETTER -> { options = OPEN_LETTER; percent = 70; }
                case PHONE -> { options = OPEN_PHONE; percent = 35; }
                case FORUM -> { options = OPEN_FORUM; percent = 40; }
                case DEPUTY_VISIT -> { options = OPEN_DEPUTY; percent = 30; }
                case ONLINE -> { options = OPEN_ONLINE; percent = 15; }
                default -> { options = OPEN_VISIT; percent = 30; }
            }
            return c.r.nextInt(100) < percent ? c.pick(options) : "";
        });
        t.code("细节", false, c -> c.r.nextInt(100) < 40 ? c.pick(DETAIL) : "");
        t.code("尾", false, c -> c.r.nextInt(100) < 45 ? c.pick(CLOSE) : "");
        t.phrases("旧事", false, "{小区}漏水的问题", "{路}路灯不亮的事", "{学校}门口交通的问题", "{菜场}搬迁的事",
                "{小区}停车难的问题", "{公交站}没有雨棚的事", "{小区}加装电梯的事", "{路}噪音扰民的事");
        t.seal();
        return t;
    }

    private static String other(Ctx c, String[] options, String not) {
        if (options.length < 2) {
            return options[0];
        }
        String v = c.pick(options);
        while (v.equals(not)) {
            v = c.pick(options);
        }
        return v;
    }

    /** 68 → 六十八, 80 → 八十. */
    static String cnNumber(int n) {
        if (n < 10) {
            return CN_DIGIT[n];
        }
        return CN_DIGIT[n / 10] + "十" + CN_DIGIT[n % 10];
    }
}
