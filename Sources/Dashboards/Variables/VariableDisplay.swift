/// The variables that could not be resolved, as one line for the footer, so a frame never
/// hides that a query went out with an empty value.
public enum VariableDisplay {
    /// "Variable $job: no options from label_values(up, job); …", nil when all resolved.
    public static func problems(_ errors: [String: String]) -> String? {
        guard !errors.isEmpty else { return nil }
        return errors.sorted { $0.key < $1.key }.map { "Variable $\($0.key): \($0.value)" }.joined(separator: "; ")
    }
}
