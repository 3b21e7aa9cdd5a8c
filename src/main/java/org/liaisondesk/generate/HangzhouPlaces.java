package org.liaisondesk.generate;

import java.util.ArrayList;
import java.util.List;

import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;

/**
 * Real Hangzhou districts (区、县、市), their streets and towns (街道、镇), and a handful of real roads, metro
 * stations, Asian Games venues and hospitals per district. Street-level places (compounds, schools, markets) are
 * invented per station by {@link StationLocale}.
 */
final class HangzhouPlaces {

    /** How built-up a station's area is; it shifts the mix of topics (village roads are rare in 湖滨街道). */
    enum Kind { CORE, SUBURB, COUNTY }

    record District(String name, String[] streets, String[] roads, String[] metro, String[] venues,
                    String[] hospitals) {
    }

    private static String[] a(String... s) {
        return s;
    }

    /** In the order stations are handed out: the first few stations spread over city, suburb and county. */
    static final List<District> DISTRICTS = List.of(
            new District("上城区",
                    a("湖滨街道", "清波街道", "小营街道", "望江街道", "紫阳街道", "南星街道", "凯旋街道", "采荷街道",
                            "闸弄口街道", "四季青街道", "笕桥街道", "九堡街道", "丁兰街道", "彭埠街道"),
                    a("解放路", "延安路", "庆春路", "中山中路", "平海路", "南山路", "望江路", "秋涛路", "江城路",
                            "凯旋路", "清江路", "复兴路", "新塘路", "艮山西路", "笕桥路", "景芳路"),
                    a("龙翔桥", "定安路", "凤起路", "近江", "婺江路", "城站", "江锦路", "景芳", "火车东站", "彭埠",
                            "九堡", "丁桥"),
                    a("杭州市陈经纶体育学校", "杭州奥体中心"),
                    a("浙大一院", "市一医院", "省中医院", "邵逸夫医院", "浙大儿院")),
            new District("余杭区",
                    a("良渚街道", "五常街道", "仓前街道", "闲林街道", "余杭街道", "中泰街道", "仁和街道", "瓶窑镇",
                            "径山镇", "黄湖镇", "鸬鸟镇", "百丈镇"),
                    a("文一西路", "五常大道", "良睦路", "高教路", "东西大道", "荆长路", "余杭塘路", "闲兴路"),
                    a("良渚", "杜甫村", "未来科技城", "海创园", "良睦路", "五常"),
                    a("杭州师范大学仓前体育馆", "杭州奥体中心"),
                    a("余杭区第一人民医院", "余杭区中医院", "浙大一院余杭院区", "邵逸夫医院")),
            new District("淳安县",
                    a("千岛湖镇", "文昌镇", "石林镇", "汾口镇", "威坪镇", "姜家镇", "临岐镇", "中洲镇"),
                    a("新安大街", "环湖北路", "梦姑路", "排岭路", "千岛湖大道"),
                    a(),
                    a("淳安界首体育中心"),
                    a("淳安县第一人民医院", "淳安县中医院")),
            new District("西湖区",
                    a("北山街道", "西溪街道", "灵隐街道", "翠苑街道", "文新街道", "古荡街道", "西湖街道", "留下街道",
                            "转塘街道", "蒋村街道", "三墩镇", "双浦镇"),
                    a("文三路", "文二路", "教工路", "天目山路", "古墩路", "西溪路", "学院路", "紫金港路", "余杭塘路",
                            "之江路", "留和路", "申花路"),
                    a("古翠路", "丰潭路", "文新", "三坝", "三墩", "黄龙体育中心", "学院路"),
                    a("黄龙体育中心", "浙江大学紫金港体育馆", "西湖国际高尔夫球场"),
                    a("浙大二院", "省人民医院", "市中医院", "省肿瘤医院", "浙大儿院")),
            new District("拱墅区",
                    a("米市巷街道", "湖墅街道", "小河街道", "和睦街道", "拱宸桥街道", "大关街道", "上塘街道",
                            "祥符街道", "康桥街道", "半山街道", "武林街道", "天水街道", "朝晖街道", "潮鸣街道",
                            "长庆街道", "石桥街道", "东新街道", "文晖街道"),
                    a("莫干山路", "湖墅南路", "大关路", "上塘路", "石祥路", "绍兴路", "东新路", "体育场路", "文晖路",
                            "丽水路", "登云路", "香积寺路", "长板巷"),
                    a("武林广场", "西湖文化广场", "打铁关", "沈塘桥", "下宁桥", "大关", "和睦", "善贤"),
                    a("杭州体育馆", "杭州电竞中心", "拱墅运河体育公园"),
                    a("浙大二院", "市一医院", "省中医院", "浙大一院", "市红会医院")),
            new District("滨江区",
                    a("西兴街道", "长河街道", "浦沿街道"),
                    a("江南大道", "滨盛路", "江汉路", "长河路", "浦沿路", "西兴路", "闻涛路", "网商路", "江陵路",
                            "时代大道"),
                    a("江陵路", "滨和路", "西兴", "滨康路", "长河", "浦沿"),
                    a("滨江体育馆", "杭州奥体中心"),
                    a("浙大二院滨江院区", "浙大儿院滨江院区", "滨江区人民医院")),
            new District("萧山区",
                    a("城厢街道", "北干街道", "蜀山街道", "新塘街道", "宁围街道", "新街街道", "闻堰街道", "瓜沥镇",
                            "义桥镇", "戴村镇", "临浦镇", "进化镇"),
                    a("市心路", "人民路", "金城路", "山阴路", "通惠路", "育才路", "民和路", "萧然南路"),
                    a("人民广场", "建设一路", "建设三路", "振宁路", "博奥路", "湘湖", "萧山国际机场"),
                    a("萧山体育中心", "杭州奥体中心", "萧山瓜沥文体中心"),
                    a("萧山区第一人民医院", "萧山区中医院", "浙大二院")),
            new District("临平区",
                    a("临平街道", "南苑街道", "东湖街道", "星桥街道", "乔司街道", "运河街道", "崇贤街道", "塘栖镇"),
                    a("人民大道", "迎宾路", "世纪大道", "藕花洲大街", "临平大道", "星桥路"),
                    a("临平", "南苑", "乔司", "翁梅", "邱山大街"),
                    a("临平体育中心"),
                    a("临平区第一人民医院", "临平区中医院", "邵逸夫医院")),
            new District("钱塘区",
                    a("下沙街道", "白杨街道", "河庄街道", "义蓬街道", "新湾街道", "临江街道", "前进街道"),
                    a("文泽路", "学林街", "学正街", "下沙路", "文渊路", "金沙大道", "江东大道"),
                    a("下沙西", "金沙湖", "高沙路", "文泽路", "文海南路", "云水", "下沙江滨"),
                    a("钱塘轮滑中心", "杭州奥体中心"),
                    a("邵逸夫医院下沙院区", "钱塘区人民医院")),
            new District("富阳区",
                    a("富春街道", "东洲街道", "银湖街道", "春江街道", "鹿山街道", "新登镇", "场口镇", "万市镇",
                            "常安镇"),
                    a("金桥路", "江滨西大道", "恩波大道", "桂花路", "公望街", "富春街"),
                    a(),
                    a("富阳银湖体育中心", "富阳水上运动中心"),
                    a("富阳区第一人民医院", "富阳区中医院")),
            new District("临安区",
                    a("锦城街道", "锦北街道", "锦南街道", "玲珑街道", "青山湖街道", "於潜镇", "昌化镇", "天目山镇",
                            "太湖源镇"),
                    a("钱王大街", "衣锦街", "石镜街", "万马路", "城中街"),
                    a("青山湖", "农林大学", "临安广场"),
                    a("临安体育文化会展中心"),
                    a("临安区人民医院", "临安区中医院")),
            new District("桐庐县",
                    a("桐君街道", "旧县街道", "城南街道", "凤川街道", "分水镇", "富春江镇", "横村镇", "瑶琳镇"),
                    a("迎春路", "白云源路", "富春路", "学圣路", "春江路"),
                    a(),
                    a("桐庐马术中心"),
                    a("桐庐县第一人民医院", "桐庐县中医院")),
            new District("建德市",
                    a("新安江街道", "洋溪街道", "更楼街道", "寿昌镇", "梅城镇", "乾潭镇", "大同镇", "杨村桥镇"),
                    a("新安路", "严州大道", "江滨中路", "府前路", "洋安大道"),
                    a(),
                    a("建德体育中心"),
                    a("建德市第一人民医院", "建德市中医院")));

    private static final List<String> CORE_DISTRICTS = List.of("上城区", "拱墅区", "西湖区", "滨江区");
    private static final List<String> COUNTY_DISTRICTS = List.of("淳安县", "桐庐县", "建德市");

    private HangzhouPlaces() {
    }

    static Kind kindOf(District d, String street) {
        if (street.endsWith("镇") || COUNTY_DISTRICTS.contains(d.name())) {
            return Kind.COUNTY;
        }
        return CORE_DISTRICTS.contains(d.name()) ? Kind.CORE : Kind.SUBURB;
    }

    /** 湖滨街道 → 湖滨, 千岛湖镇 → 千岛湖. */
    static String core(String street) {
        if (street.endsWith("街道")) {
            return street.substring(0, street.length() - 2);
        }
        return street.endsWith("镇") ? street.substring(0, street.length() - 1) : street;
    }

    static final String STATION_SUFFIX = "人大代表联络站";

    /** Extra stations once every street has one: named after a community within the street. */
    private static final String[] EXTRA_COMMUNITY = {
        "东坡", "青年", "东园", "翠苑", "桂花", "春江", "景湖", "运河", "文苑", "香樟", "丹桂", "阳光", "枫林", "梧桐",
        "紫薇", "新华", "和平", "清泰", "长寿", "兴隆"};

    /**
     * K stations, codes {@code GS-001}…, each a real street or town of a real district, round-robin over
     * districts so that a few stations already span city centre, suburbs and counties.
     */
    static List<Station> stations(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        List<String> names = new ArrayList<>(k);
        int maxStreets = DISTRICTS.stream().mapToInt(d -> d.streets().length).max().orElse(0);
        outer:
        for (int round = 0; ; round++) {
            boolean any = false;
            for (int r = 0; r < maxStreets; r++) {
                for (District d : DISTRICTS) {
                    if (r >= d.streets().length) {
                        continue;
                    }
                    any = true;
                    String street = d.streets()[r];
                    String name = round == 0
                            ? d.name() + street + STATION_SUFFIX
                            : d.name() + street + EXTRA_COMMUNITY[(round - 1) % EXTRA_COMMUNITY.length]
                                    + (round > EXTRA_COMMUNITY.length ? String.valueOf(round) : "") + "社区"
                                    + STATION_SUFFIX;
                    names.add(name);
                    if (names.size() == k) {
                        break outer;
                    }
                }
            }
            if (!any) {
                throw new IllegalStateException("no streets");
            }
        }
        List<Station> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new Station(String.format("GS-%03d", i + 1), names.get(i), StationMode.STATION));
        }
        return List.copyOf(out);
    }
}
