import PromModel

/// Collects the samples of consecutive steps into series, in order of first appearance.
/// Most steps hand over the same label buffers as the step before (selected series, and the
/// label sets LabelCache interned), so a series is found by its labels' identity, and only a
/// label set not seen before is hashed by content.
struct SeriesAssembler {
    private(set) var labels: [Labels] = []
    private(set) var points: [[Sample]] = []
    private var slots: [Labels: Int] = [:]
    private var slotsByIdentity: [LabelsIdentity: Int] = [:]
    /// Every label set whose identity is in `slotsByIdentity`, so its buffer stays alive and
    /// its address cannot be reused by other pairs.
    private var retained: [Labels] = []

    mutating func append(_ seriesLabels: Labels, _ sample: Sample) {
        let identity = LabelsIdentity(seriesLabels)
        if let slot = slotsByIdentity[identity] {
            points[slot].append(sample)
            return
        }
        let slot: Int
        if let existing = slots[seriesLabels] {
            slot = existing
            retained.append(seriesLabels)
        } else {
            slot = labels.count
            labels.append(seriesLabels)
            points.append([])
            slots[seriesLabels] = slot
        }
        slotsByIdentity[identity] = slot
        points[slot].append(sample)
    }

    var isEmpty: Bool { labels.isEmpty }
}
