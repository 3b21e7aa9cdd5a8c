package org.liaisondesk.generate;

import java.util.SplittableRandom;

/** Realistic Chinese names (with a Zhejiang flavour) and mainland mobile numbers. */
final class People {

    /** Common surnames; the first ones are listed twice so they come up about twice as often. */
    private static final String[] SURNAMES = {
        "王", "陈", "张", "李", "徐", "吴", "周", "沈", "杨", "朱", "胡", "金", "俞", "方", "章",
        "王", "陈", "张", "李", "徐", "吴", "周", "沈", "杨", "朱", "胡", "金",
        "蒋", "叶", "何", "黄", "孙", "赵", "刘", "钱", "郑", "汪", "冯", "陆", "潘", "邵", "姚", "许", "程", "顾",
        "丁", "傅", "袁", "严", "施", "孔", "裘", "董", "应", "楼", "柴", "骆", "范", "夏", "马", "郭", "林", "谢",
        "宋", "唐", "韩", "曹", "余", "洪", "鲍", "娄", "毛", "卢", "童", "来", "韦", "戴", "高", "罗"};
    private static final String[] MALE = {
        "建国", "国强", "建华", "志明", "海峰", "伟", "强", "军", "勇", "斌", "涛", "磊", "鹏", "杰", "俊杰", "浩然",
        "宇航", "志刚", "国平", "永福", "金根", "水根", "荣华", "德明", "建平", "卫东", "红兵", "晓东", "文军", "立新",
        "振华", "国庆", "建军", "小军", "新民", "明亮", "天宇", "子涵", "一鸣", "嘉豪", "晨阳", "泽宇", "博文", "俊",
        "峰", "刚", "波", "健", "宏伟", "正华", "雪松", "家豪", "忠良", "金水", "林海", "伟民", "炳荣", "阿毛", "国华"};
    private static final String[] FEMALE = {
        "丽萍", "美芳", "秀英", "桂英", "玉兰", "红霞", "晓燕", "婷婷", "佳怡", "雨欣", "静", "敏", "芳", "丽娟",
        "雪梅", "月琴", "菊芳", "彩凤", "凤英", "素珍", "金娣", "爱华", "丽华", "慧", "颖", "洁", "琳", "燕", "萍",
        "佳琪", "诗涵", "欣怡", "梦瑶", "思琪", "晓丽", "海燕", "春燕", "秀珍", "美华", "小红", "玲", "琴", "莉",
        "雅琴", "亚萍", "巧玲", "素娟", "文英", "美娟", "佩华"};
    private static final String[] MALE_TITLES = {"先生", "师傅", "大伯", "老师"};
    private static final String[] FEMALE_TITLES = {"女士", "阿姨", "老师", "大妈"};

    /** China Mobile, Unicom, Telecom and Broadnet prefixes. */
    private static final String[] MOBILE_PREFIX = {
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152",
        "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "192", "198", "199"};

    private People() {
    }

    static String fullName(SplittableRandom r) {
        String s = SURNAMES[r.nextInt(SURNAMES.length)];
        return s + (r.nextBoolean() ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)]);
    }

    /** What a clerk writes down: usually a full name, sometimes only "王阿姨" or "陈先生". */
    static String residentName(SplittableRandom r) {
        String s = SURNAMES[r.nextInt(SURNAMES.length)];
        boolean male = r.nextBoolean();
        if (r.nextInt(8) == 0) {
            return s + (male ? MALE_TITLES[r.nextInt(MALE_TITLES.length)] : FEMALE_TITLES[r.nextInt(FEMALE_TITLES.length)]);
        }
        return s + (male ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)]);
    }

    static String mobile(SplittableRandom r) {
        char[] c = new char[11];
        String p = MOBILE_PREFIX[r.nextInt(MOBILE_PREFIX.length)];
        p.getChars(0, 3, c, 0);
        for (int i = 3; i < 11; i++) {
            c[i] = (char) ('0' + r.nextInt(10));
        }
        return new String(c);
    }
}
