import ArgumentParser
import Dashboards
import Foundation

/// Where `view` and `snapshot` look for dashboards when `--dashboards` is not given, in order:
/// `$XDG_CONFIG_HOME/promdeck/dashboards` (else `~/.config/promdeck/dashboards`), the config
/// file's `dashboards:` list, then `./dashboards`. The first place holding any dashboard wins.
struct DashboardSearch {
    var configured: [String] = []
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var workingDirectory = FileManager.default.currentDirectoryPath

    /// The places in search order; one entry per step (the config's list is one step).
    var steps: [[String]] {
        var steps: [[String]] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            steps.append([(xdg as NSString).appendingPathComponent("promdeck/dashboards")])
        } else if let home = environment["HOME"], !home.isEmpty {
            steps.append([(home as NSString).appendingPathComponent(".config/promdeck/dashboards")])
        }
        if !configured.isEmpty { steps.append(configured) }
        steps.append([(workingDirectory as NSString).appendingPathComponent("dashboards")])
        return steps
    }

    /// The dashboards of the first step that has any (empty when none has), and what was
    /// found at each place looked in.
    func find() throws -> (files: [DashboardFile], lookedIn: [String], skipped: [String]) {
        var lookedIn: [String] = [], skipped: [String] = []
        for step in steps {
            var files: [DashboardFile] = []
            for directory in step {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    lookedIn.append("\(directory) (no such directory)")
                    continue
                }
                let (found, failed) = try Wiring.loadCatalog(directory)
                skipped += failed
                lookedIn.append("\(directory) (\(found.isEmpty ? "no dashboards" : "\(found.count) dashboards"))")
                files += found
            }
            if !files.isEmpty { return (files, lookedIn, skipped) }
        }
        return ([], lookedIn, skipped)
    }

    /// `find()`, or an error listing where it looked.
    func require() throws -> [DashboardFile] {
        let (files, lookedIn, _) = try find()
        guard files.isEmpty else { return files }
        throw ValidationError("no dashboards found; pass --dashboards DIR. Looked in:\n  " + lookedIn.joined(separator: "\n  "))
    }
}
