/// promdeck's version, as `simulate --api` reports it in /api/v1/status/buildinfo.
enum PromdeckVersion {
    static let current = "0.1.0"
}
