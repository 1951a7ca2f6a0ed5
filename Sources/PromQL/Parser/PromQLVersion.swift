/// Which Prometheus's PromQL the parser speaks. 3 (3.14, the default) accepts everything
/// 3.14's parser does with its feature flags on, so that lint can name the flag a server
/// needs; 2 is exactly Prometheus 2.42 (the promtool-2.42 differential tests use it).
public enum PromQLVersion: Int, Hashable, Sendable, CaseIterable {
    case v2 = 2
    case v3 = 3
}
