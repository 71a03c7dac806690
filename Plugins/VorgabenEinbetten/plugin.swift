import Foundation
import PackagePlugin

/// Writes every file below the target's `Vorgaben/` folder into one generated Swift
/// file, so the `kim` binary carries its built-in templates, schemas and assets and
/// needs no resource bundle beside it.
@main
struct VorgabenEinbetten: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let ordner = target.directoryURL.appendingPathComponent("Vorgaben")
        let ausgabe = context.pluginWorkDirectoryURL.appendingPathComponent("Eingebettet.swift")
        let dateien = Self.dateien(unter: ordner)
        return [.buildCommand(
            displayName: "Vorgaben einbetten (\(dateien.count) Dateien)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [context.package.directoryURL.appendingPathComponent("Plugins/VorgabenEinbetten/einbetten.sh").path, ordner.path, ausgabe.path],
            inputFiles: dateien,
            outputFiles: [ausgabe]
        )]
    }

    static func dateien(unter ordner: URL) -> [URL] {
        guard let aufzaehlung = FileManager.default.enumerator(at: ordner, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return aufzaehlung.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
