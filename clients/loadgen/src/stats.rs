//! Latency figures for the benchmarks' printouts: a histogram (`hdrhistogram`, microsecond
//! resolution, three significant figures) instead of sorting samples by hand in each benchmark.

use std::time::Duration;

use hdrhistogram::Histogram;

pub struct Latencies(Histogram<u64>);

impl Latencies {
    pub fn of(samples: &[Duration]) -> Latencies {
        // 1 µs to an hour: anything longer is clamped (and would be a failed run anyway).
        let mut histogram = Histogram::<u64>::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds and precision");
        for sample in samples {
            histogram.saturating_record(sample.as_micros().try_into().unwrap_or(u64::MAX));
        }
        Latencies(histogram)
    }

    pub fn len(&self) -> u64 {
        self.0.len()
    }

    /// The value at quantile `q` (0.5 the median, 1.0 the maximum), in milliseconds.
    pub fn ms(&self, q: f64) -> f64 {
        let micros = if q >= 1.0 {
            self.0.max()
        } else {
            self.0.value_at_quantile(q)
        };
        micros as f64 / 1e3
    }

    /// The median, in seconds.
    pub fn median_secs(&self) -> f64 {
        self.0.value_at_quantile(0.5) as f64 / 1e6
    }

    /// "p50 …, p95 …, p99 …, max … (n = …)".
    pub fn summary(&self) -> String {
        if self.0.is_empty() {
            return "no samples".into();
        }
        format!(
            "p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms (n = {})",
            self.ms(0.5),
            self.ms(0.95),
            self.ms(0.99),
            self.ms(1.0),
            self.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_of_a_known_spread() {
        let samples: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let latencies = Latencies::of(&samples);
        assert_eq!(latencies.len(), 100);
        assert!((latencies.ms(0.5) - 50.0).abs() < 0.1, "{}", latencies.ms(0.5));
        assert!((latencies.ms(0.99) - 99.0).abs() < 0.1, "{}", latencies.ms(0.99));
        assert!((latencies.ms(1.0) - 100.0).abs() < 0.1, "{}", latencies.ms(1.0));
        assert_eq!(Latencies::of(&[]).summary(), "no samples");
    }
}
