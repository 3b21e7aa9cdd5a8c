package org.liaisondesk.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.liaisondesk.generate.HangzhouPlaces.District;
import org.liaisondesk.generate.HangzhouPlaces.Kind;
import org.liaisondesk.model.Station;

/**
 * The neighbourhood of one station: its district and street, and the compounds, villages, roads, schools, markets,
 * parks, bus stops, staff and deputies residents talk about. Derived from the station's name only, so a station
 * always has the same neighbourhood, whatever the seed.
 */
final class StationLocale {

    private static final String[] COMPOUND_PREFIX = {
        "景芳", "三塘", "朝晖", "德胜", "翠苑", "文鼎", "金色", "和睦", "香樟", "桂花", "丹桂", "春江", "钱塘", "运河",
        "湖畔", "云栖", "梧桐", "紫薇", "绿洲", "阳光", "锦绣", "东方", "明月", "清风", "翡翠", "玉泉", "长庆", "杨柳",
        "枫林", "嘉和", "颐景", "荷花", "莲花", "华丰", "新塘", "笕桥", "九和", "望江", "南星", "采荷", "凯旋", "青荷",
        "万家", "星洲", "金都", "蓝庭", "西溪", "之江", "兴隆", "永安", "建新", "红梅", "绿园", "天水", "东新", "石桥"};
    private static final String[] COMPOUND_SUFFIX = {
        "新村", "小区", "花园", "家园", "嘉苑", "公寓", "苑", "一区", "二区", "三区", "东区", "西区", "北苑", "南苑",
        "雅苑", "名邸", "府", "佳苑", "安置小区", "城"};
    private static final String[] COMMUNITY_PREFIX = {
        "东坡", "青年", "东园", "定安", "吴山", "清河", "湖滨", "劳动", "长生", "惠兴", "孩儿巷", "大学路", "建国",
        "新华", "和平", "清泰", "长寿", "兴隆", "文晖", "德胜", "东新园", "香积寺", "大关", "小河", "湖墅", "杭氧",
        "北景园", "景华", "南肖埠", "近江", "秋涛", "江锦", "万向", "春晓", "杨家", "丁兰", "龙湖", "金沙", "银湖"};
    private static final String[] VILLAGE_A = {
        "上", "下", "前", "后", "新", "高", "大", "小", "东", "西", "南", "北", "石", "青", "竹", "梅", "桃", "茶", "枫"};
    private static final String[] VILLAGE_B = {
        "塘", "坞", "岭", "溪", "桥", "湾", "山", "畈", "源", "坑", "岙", "口", "田", "林", "园", "里"};
    private static final String[] VILLAGE_SURNAME = {
        "方", "何", "叶", "徐", "王", "章", "余", "汪", "姜", "洪", "胡", "邵", "鲍", "童", "程", "郑", "严"};
    private static final String[] VILLAGE_SURNAME_TAIL = {"家村", "家坞村", "家埠村", "家湾村", "家畈村"};
    private static final String[] SCHOOL_SUFFIX = {
        "小学", "第二小学", "实验小学", "中学", "初级中学", "实验学校", "中心小学"};
    private static final String[] PARK_TEMPLATES = {"%s公园", "%s口袋公园", "%s街心公园", "%s绿道", "%s文化公园"};
    private static final String[] CITY_VENUES = {"杭州奥体中心", "黄龙体育中心"};
    private static final String[] CITY_HOSPITALS = {"浙大一院", "浙大二院", "邵逸夫医院", "省人民医院", "市一医院"};

    final Station station;
    final District district;
    final String street;
    final String core;
    final Kind kind;
    final String[] compounds;
    final String[] communities;
    final String[] villages;
    final String[] roads;
    final String[] schools;
    final String[] kindergartens;
    final String[] markets;
    final String[] parks;
    final String[] busStops;
    final String[] metro;
    final String[] venues;
    final String[] hospitals;
    final String healthCentre;
    final String[] clerks;
    final String[] deputies;
    /** Relative share of opinions this station receives, 0.6–1.4. */
    final double weight;

    StationLocale(Station station) {
        this.station = station;
        String name = station.name() == null ? station.code() : station.name();
        SplittableRandom r = new SplittableRandom(fnv64(name));
        District found = null;
        String foundStreet = null;
        for (District d : HangzhouPlaces.DISTRICTS) {
            if (name.contains(d.name())) {
                found = d;
                for (String s : d.streets()) {
                    if (name.contains(s)) {
                        foundStreet = s;
                        break;
                    }
                }
                break;
            }
        }
        if (found == null) {
            found = HangzhouPlaces.DISTRICTS.get(r.nextInt(HangzhouPlaces.DISTRICTS.size()));
        }
        if (foundStreet == null) {
            foundStreet = found.streets()[r.nextInt(found.streets().length)];
        }
        this.district = found;
        this.street = foundStreet;
        this.core = HangzhouPlaces.core(foundStreet);
        this.kind = HangzhouPlaces.kindOf(found, foundStreet);
        this.weight = 0.6 + 0.8 * r.nextDouble();

        this.compounds = distinct(r, kind == Kind.COUNTY ? 5 : 8, () -> {
            String p = r.nextInt(5) == 0 ? core : COMPOUND_PREFIX[r.nextInt(COMPOUND_PREFIX.length)];
            return p + COMPOUND_SUFFIX[r.nextInt(COMPOUND_SUFFIX.length)];
        });
        this.communities = distinct(r, 4, () -> COMMUNITY_PREFIX[r.nextInt(COMMUNITY_PREFIX.length)] + "社区");
        this.villages = distinct(r, kind == Kind.CORE ? 2 : 6, () -> {
            if (r.nextInt(3) == 0) {
                return VILLAGE_SURNAME[r.nextInt(VILLAGE_SURNAME.length)]
                        + VILLAGE_SURNAME_TAIL[r.nextInt(VILLAGE_SURNAME_TAIL.length)];
            }
            return VILLAGE_A[r.nextInt(VILLAGE_A.length)] + VILLAGE_B[r.nextInt(VILLAGE_B.length)] + "村";
        });
        this.roads = subset(r, found.roads(), Math.min(6, found.roads().length));
        this.schools = distinct(r, 3, () -> {
            String base = r.nextInt(2) == 0 ? core : compounds[r.nextInt(compounds.length)].substring(0, 2);
            return base + SCHOOL_SUFFIX[r.nextInt(SCHOOL_SUFFIX.length)];
        });
        this.kindergartens = distinct(r, 2, () -> {
            String base = r.nextInt(2) == 0 ? core : compounds[r.nextInt(compounds.length)].substring(0, 2);
            return base + (r.nextBoolean() ? "幼儿园" : "实验幼儿园");
        });
        this.markets = new String[] {
            core + "农贸市场", roads[r.nextInt(roads.length)] + "菜市场",
            compounds[r.nextInt(compounds.length)].substring(0, 2) + "菜场"};
        this.parks = distinct(r, 3, () -> String.format(PARK_TEMPLATES[r.nextInt(PARK_TEMPLATES.length)],
                r.nextBoolean() ? core : roads[r.nextInt(roads.length)].replace("路", "").replace("大道", "")
                        .replace("大街", "").replace("街", "")));
        this.busStops = distinct(r, 3, () -> {
            if (r.nextInt(3) == 0 || roads.length < 2) {
                return compounds[r.nextInt(compounds.length)] + "公交站";
            }
            String a = roads[r.nextInt(roads.length)];
            String b = roads[r.nextInt(roads.length)];
            return a.equals(b) ? a + "东口公交站" : a + b + "口公交站";
        });
        this.metro = found.metro().length == 0 ? found.metro() : subset(r, found.metro(), Math.min(3, found.metro().length));
        this.venues = found.venues().length == 0 ? CITY_VENUES : found.venues();
        List<String> hs = new ArrayList<>(List.of(found.hospitals()));
        if (kind != Kind.COUNTY) {
            hs.add(CITY_HOSPITALS[r.nextInt(CITY_HOSPITALS.length)]);
        }
        this.hospitals = hs.toArray(new String[0]);
        this.healthCentre = foundStreet.endsWith("镇") ? core + "镇卫生院" : core + "社区卫生服务中心";
        this.clerks = distinct(r, 2, () -> People.fullName(r));
        this.deputies = distinct(r, 4, () -> People.fullName(r));
    }

    boolean hasMetro() {
        return metro.length > 0;
    }

    private static String[] distinct(SplittableRandom r, int n, java.util.function.Supplier<String> gen) {
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < n && tries < n * 50; tries++) {
            out.add(gen.get());
        }
        return out.toArray(new String[0]);
    }

    private static String[] subset(SplittableRandom r, String[] from, int n) {
        String[] copy = from.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        String[] out = new String[n];
        System.arraycopy(copy, 0, out, 0, n);
        return out;
    }

    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
