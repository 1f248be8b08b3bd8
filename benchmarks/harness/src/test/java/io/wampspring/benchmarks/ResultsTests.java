package io.wampspring.benchmarks;

import java.util.List;

import io.wampspring.benchmarks.Results.Summary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultsTests {

	@Test
	void summaryIsMedianAndRangeOfMeasuredValues() {
		Summary odd = Summary.of(new double[] { 30, 10, 20 });
		assertThat(odd.median()).isEqualTo(20);
		assertThat(odd.min()).isEqualTo(10);
		assertThat(odd.max()).isEqualTo(30);
		assertThat(odd.format("%.0f")).isEqualTo("20 (10-30)");
		assertThat(Summary.of(new double[] { 4, 1, 2, 3 }).median()).isEqualTo(2.5);
		// -1 means "not measured" (a Node.js caller's allocations): it is left out, not
		// averaged in
		assertThat(Summary.of(new double[] { -1, -1 }).present()).isFalse();
		assertThat(Summary.of(new double[] { -1, -1 }).format("%.0f")).isEqualTo("-");
	}

	@Test
	void resultLineBecomesPerSecondAndPer10kFigures() {
		String line = "RESULT {\"ops\":20000,\"failed\":0,\"seconds\":2.0,\"p50us\":150.5,\"p99us\":900.0,"
				+ "\"cpuTicks\":50,\"watchTicks\":{\"4242\":80},\"peakRssKb\":102400,\"allocBytes\":40000000}";
		Sample sample = Sample.parse(line, 100, 4242);
		assertThat(sample.opsPerSecond()).isEqualTo(10_000);
		// 0.5 s of CPU for 20,000 calls: 0.25 s per 10k
		assertThat(sample.cpuPer10k()).isCloseTo(0.25, within(1e-9));
		assertThat(sample.watchedCpuPer10k()).isCloseTo(0.4, within(1e-9));
		assertThat(sample.allocPerOp()).isEqualTo(2000);
		assertThat(Sample.parse(line, 100, 1).watchedCpuPer10k()).isEqualTo(-1);
	}

	@Test
	void targetRowSaysMetOrByHowMuchItIsMissed() {
		StringBuilder md = new StringBuilder();
		Report.row(md, "at most 0.8x", 0.5, 1.0, 0.8, true, "%.1f");
		Report.row(md, "at most 0.8x", 1.2, 1.0, 0.8, true, "%.1f");
		Report.row(md, "at least 1.1x", 0.55, 1.0, 1.1, false, "%.2f");
		Report.row(md, "nothing", null, 1.0, 1.0, true, "%.1f");
		List<String> lines = md.toString().lines().toList();
		assertThat(lines.get(0)).endsWith("| met |");
		// 1.2 against a limit of 0.8: 50% over
		assertThat(lines.get(1)).contains("1.20x (target <= 0.80x)").endsWith("| missed by 50% |");
		// 0.55 against 1.1: half of the target
		assertThat(lines.get(2)).endsWith("| missed by 50% |");
		assertThat(lines.get(3)).contains("not measured in this run");
	}

}
