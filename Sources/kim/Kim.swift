import ArgumentParser
import Foundation
import KimModel
import KimPipeline
import KimServe

@main
struct Kim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kim",
        abstract: "Veröffentlicht das Kommunale Integrationsmanagement (KIM NRW) einer Kommune: Website, Handlungskonzept, Berichte.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PDFCommand.self, BriefingCommand.self, NewCommand.self,
                      InitCommand.self, SchemasCommand.self, ExportCommand.self, ImportCommand.self]
    )

    /// Exit codes as the design asks: 0 clean, 1 content errors, 2 usage errors
    /// (argument-parser's own default for usage errors is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchron = command as? AsyncParsableCommand {
                try await asynchron.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = Aufrufmeldung.deutsch(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Ausgabe.fehlerkanal(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
