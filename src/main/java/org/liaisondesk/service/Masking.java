package org.liaisondesk.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.model.Constituent;

/**
 * Masks a resident's details for people who may not see them in full: phone {@code 138****1234}, name {@code 张*} or
 * {@code 欧阳**} (compound surnames kept), address up to the community ({@code 翠苑一区***}).
 */
public final class Masking {

    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
            "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "南宫", "西门", "独孤",
            "百里", "呼延", "钟离", "申屠", "澹台", "太史", "闻人", "赫连", "濮阳", "东郭", "万俟");
    /** Where the part that finds a household begins: a number, or a building/unit/room word. */
    private static final Pattern HOUSEHOLD = Pattern.compile("[0-9０-９]|幢|栋|单元|号楼|室");
    /** The community-level place words an address is kept up to when it has no household part. */
    private static final Pattern COMMUNITY = Pattern.compile("社区|小区|新村|村|街道");
    private static final String HIDDEN = "***";

    private Masking() {
    }

    public static Constituent mask(Constituent who) {
        return new Constituent(name(who.name()), phone(who.phone()), address(who.address()), who.consentToContact());
    }

    /** Keeps the first 3 and last 4 digits of a long number, the last 2 of a short one; separators are dropped. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** The surname (one character, or a compound surname), then one star per remaining character. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        int total = n.codePointCount(0, n.length());
        if (total <= 1) {
            return "*";
        }
        int keep = total > 2 && COMPOUND_SURNAMES.stream().anyMatch(n::startsWith) ? 2 : 1;
        int cut = n.offsetByCodePoints(0, keep);
        return n.substring(0, cut) + "*".repeat(total - keep);
    }

    /**
     * Keeps the address up to where the household begins (the first number or building word); with none, up to
     * the last community-level word; otherwise the first half. The rest becomes {@value #HIDDEN}.
     */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        int cut;
        Matcher household = HOUSEHOLD.matcher(a);
        if (household.find()) {
            cut = household.start();
        } else {
            Matcher community = COMMUNITY.matcher(a);
            int end = -1;
            while (community.find()) {
                end = community.end();
            }
            cut = end > 0 ? end : a.offsetByCodePoints(0, a.codePointCount(0, a.length()) / 2);
        }
        return cut >= a.length() ? a : a.substring(0, cut) + HIDDEN;
    }
}
