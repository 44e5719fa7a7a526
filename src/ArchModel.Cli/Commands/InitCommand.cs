using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel init [DIR]</c>: write a small starter model that validates, and the schema beside it.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = CommonOptions.NotEmpty(new Argument<string>("DIR")
        {
            Description = CliText.T("cli.help.init.dir"),
            DefaultValueFactory = _ => ".",
        });
        var lang = CommonOptions.Lang();
        var command = new Command("init", CliText.T("cli.help.init")) { folder, lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), null);
            var dir = parse.GetValue(folder)!;
            var modelPath = Path.Combine(dir, "model.json");
            var schemaPath = Path.Combine(dir, "archmodel.schema.json");
            if (File.Exists(modelPath))
            {
                stderr.WriteLine(Texts.Format("init.exists", language, modelPath));
                return ExitCodes.FileError;
            }
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(Texts.Format("init.cannot-create", language, dir, e.Message));
                return ExitCodes.FileError;
            }
            var error = new OutputTarget(schemaPath, stdout).WriteText(ModelSchema.Text, [])
                ?? new OutputTarget(modelPath, stdout).WriteText(StarterModel.Text(language), []);
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            stdout.WriteLine(Texts.Format("init.done", language, modelPath, schemaPath));
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The model <c>init</c> writes: small, valid, and showing each kind of element once.</summary>
internal static partial class StarterModel
{
    /// <summary>The starter model in <paramref name="language"/>: its names are the tables' (<c>init.*</c>), its language the
    /// language's tag.</summary>
    public static string Text(Language language) => Slot().Replace(Template, m => m.Groups[1].Value == "language"
        ? language.ToTag()
        : JsonEncodedText.Encode(Texts.Get("init." + m.Groups[1].Value, language), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());

    [GeneratedRegex(@"@([a-z.-]+)@")]
    private static partial Regex Slot();

    // @key@ is the text of init.key; @language@ the language's tag.
    private const string Template = """
        {
          "$schema": "./archmodel.schema.json",
          "formatVersion": "1",
          "model": { "id": "starter", "name": "@model.name@", "language": "@language@", "asOf": "2026-01-01" },
          "targets": { "cloudRate": 0.9, "sharingRate": 0.8 },
          "capabilities": [
            { "id": "cap.oa", "name": "@capability.oa@", "shareable": true },
            { "id": "cap.license", "name": "@capability.license@" }
          ],
          "agencies": [
            { "id": "ag.gov", "name": "@agency.gov@", "level": "municipal", "region": "990100", "kind": "government" },
            { "id": "ag.market", "name": "@agency.market@", "level": "municipal", "region": "990100", "sector": "@agency.market.sector@" }
          ],
          "networks": [
            { "id": "net.extranet", "name": "@network.extranet@", "kind": "extranet" }
          ],
          "platforms": [
            { "id": "cloud.city", "name": "@platform.cloud@", "kind": "cloud", "shared": true, "owner": "ag.gov", "region": "990100", "networks": ["net.extranet"] }
          ],
          "systems": [
            { "id": "sys.gov.oa", "name": "@system.oa@", "owner": "ag.gov", "capabilities": ["cap.oa"], "usedBy": ["ag.market"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 2 },
            { "id": "sys.market.license", "name": "@system.license@", "owner": "ag.market", "capabilities": ["cap.license"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 3, "holds": ["data.legal-entity"] }
          ],
          "dataResources": [
            { "id": "data.legal-entity", "name": "@data.legal-entity@", "owner": "ag.market", "category": "legal-entity", "sharing": "unconditional", "open": true }
          ],
          "flows": [
            { "id": "flow.license-to-oa", "from": "sys.market.license", "to": "sys.gov.oa", "carries": ["data.legal-entity"], "mode": "api" }
          ],
          "services": [
            { "id": "svc.registration", "name": "@service.registration@", "provider": "ag.market", "systems": ["sys.market.license"], "channels": ["web", "counter"] }
          ]
        }

        """;

}
