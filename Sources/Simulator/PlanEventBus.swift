import PromModel

extension PlanBuilder {
    mutating func addEventBus() {
        let service = self.service
        for type in Vocabulary.published(by: service) {
            counter("eventbus_messages_published_total", [Label("event_type", type)],
                    tag: StreamTag(service: service, kind: .published(type), followsMarket: type != "health.heartbeat"),
                    rate: Vocabulary.eventRate(type))
        }
        for type in Vocabulary.consumed(by: service) {
            let rate = Vocabulary.eventRate(type)
            let follows = type != "health.heartbeat"
            let labels = [Label("event_type", type)]
            counter("eventbus_messages_consumed_total", labels,
                    tag: StreamTag(service: service, kind: .consumed(type), followsMarket: follows), rate: rate)
            let median = type == "market.tick" ? 0.006 : type == "signal.generated" ? 0.035 : 0.015
            histogram("eventbus_message_processing_duration_seconds", labels, buckets: Vocabulary.processingBuckets,
                      domain: .eventProcessing, detail: type, rate: rate, median: median, spikeMedian: 2,
                      followsMarket: follows)
            series("eventbus_queue_lag", labels) { context, key in
                let arriving = rate * (follows ? context.shape.level(context.t) : 1)
                let tick = Int64((context.t / Context.jitterStep).rounded(.down))
                // A healthy consumer keeps a few messages in flight.
                var lag = (arriving * 0.4 + 3 * context.noise.unit(key, tick)).rounded(.down)
                for incident in context.incidents where context.t >= incident.start && context.t < incident.recoveryEnd {
                    guard case .consumerStall(service, type) = incident.kind else { continue }
                    // Everything published during the stall waits, then drains at twice the rate.
                    let stalled = min(context.t, incident.end) - incident.start
                    let drained = 2 * max(0, context.t - incident.end)
                    lag += max(0, (arriving * (stalled - drained)).rounded(.down))
                }
                return lag
            }
        }
    }
}
