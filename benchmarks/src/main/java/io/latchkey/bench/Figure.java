package io.latchkey.bench;

import java.util.Locale;

/**
 * One line of the results: what the SDK did, what the baseline did in the same run on the same machine, their
 * ratio, and the target the ratio is held to.
 *
 * @param name     what was measured
 * @param sdk      the SDK's figure, with its unit
 * @param baseline the baseline's figure, with its unit
 * @param ratio    the SDK against the baseline, higher is better (or as {@code target} says)
 * @param target   the target, e.g. {@code ≥ 0.70}
 * @param met      whether the ratio meets it
 */
record Figure(String name, String sdk, String baseline, double ratio, String target, boolean met) {

    /** A figure where the ratio must reach {@code least}. */
    static Figure atLeast(String name, String sdk, String baseline, double ratio, double least) {
        return new Figure(name, sdk, baseline, ratio, String.format(Locale.ROOT, "≥ %.2f", least), ratio >= least);
    }

    /** A figure where the ratio must stay under {@code most}. */
    static Figure atMost(String name, String sdk, String baseline, double ratio, double most) {
        return new Figure(name, sdk, baseline, ratio, String.format(Locale.ROOT, "≤ %.2f", most), ratio <= most);
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %s |", name, sdk, baseline, ratio, target,
                met ? "met" : "**missed**");
    }

    static String header() {
        return "| figure | SDK | baseline (same run) | ratio | target | |\n|---|---|---|---|---|---|";
    }
}
