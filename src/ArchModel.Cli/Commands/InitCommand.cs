using System.CommandLine;
using ArchModel.Diagnostics;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel init [DIR]</c>: write a small starter model that validates, and the schema beside it.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = CommonOptions.NotEmpty(new Argument<string>("DIR")
        {
            Description = "The folder to create the model in (default: the current folder) / 目标文件夹",
            DefaultValueFactory = _ => ".",
        });
        var lang = CommonOptions.Lang();
        var command = new Command("init", "Write a small starter model that validates / 创建入门模型") { folder, lang };
        command.SetAction(parse =>
        {
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), null);
            var dir = parse.GetValue(folder)!;
            var modelPath = Path.Combine(dir, "model.json");
            var schemaPath = Path.Combine(dir, "archmodel.schema.json");
            if (File.Exists(modelPath))
            {
                stderr.WriteLine($"archmodel: '{modelPath}' already exists; init never overwrites a model / 模型文件已存在，init 不会覆盖");
                return ExitCodes.FileError;
            }
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"archmodel: cannot create '{dir}': {e.Message}");
                return ExitCodes.FileError;
            }
            var error = new OutputTarget(schemaPath, stdout).WriteText(ModelSchema.Text, [])
                ?? new OutputTarget(modelPath, stdout).WriteText(StarterModel.Text(language), []);
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            stdout.WriteLine(language == Language.English
                ? $"Wrote {modelPath} and {schemaPath}. Next: archmodel validate {modelPath}"
                : $"已创建 {modelPath} 和 {schemaPath}。下一步：archmodel validate {modelPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The model <c>init</c> writes: small, valid, and showing each kind of element once.</summary>
internal static class StarterModel
{
    public static string Text(Language language) => language == Language.English ? English : Chinese;

    private const string Chinese = """
        {
          "$schema": "./archmodel.schema.json",
          "formatVersion": "1",
          "model": { "id": "starter", "name": "我的电子政务模型", "language": "zh-CN", "asOf": "2026-01-01" },
          "targets": { "cloudRate": 0.9, "sharingRate": 0.8 },
          "capabilities": [
            { "id": "cap.oa", "name": "协同办公", "shareable": true },
            { "id": "cap.license", "name": "行政许可审批" }
          ],
          "agencies": [
            { "id": "ag.gov", "name": "某市人民政府", "level": "municipal", "region": "990100", "kind": "government" },
            { "id": "ag.market", "name": "某市市场监督管理局", "level": "municipal", "region": "990100", "sector": "市场监管" }
          ],
          "networks": [
            { "id": "net.extranet", "name": "电子政务外网", "kind": "extranet" }
          ],
          "platforms": [
            { "id": "cloud.city", "name": "市政务云", "kind": "cloud", "shared": true, "owner": "ag.gov", "region": "990100", "networks": ["net.extranet"] }
          ],
          "systems": [
            { "id": "sys.gov.oa", "name": "市政府协同办公系统", "owner": "ag.gov", "capabilities": ["cap.oa"], "usedBy": ["ag.market"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 2 },
            { "id": "sys.market.license", "name": "市场主体登记系统", "owner": "ag.market", "capabilities": ["cap.license"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 3, "holds": ["data.legal-entity"] }
          ],
          "dataResources": [
            { "id": "data.legal-entity", "name": "市场主体基础信息", "owner": "ag.market", "category": "legal-entity", "sharing": "unconditional", "open": true }
          ],
          "flows": [
            { "id": "flow.license-to-oa", "from": "sys.market.license", "to": "sys.gov.oa", "carries": ["data.legal-entity"], "mode": "api" }
          ],
          "services": [
            { "id": "svc.registration", "name": "企业开办一网通办", "provider": "ag.market", "systems": ["sys.market.license"], "channels": ["web", "counter"] }
          ]
        }

        """;

    private const string English = """
        {
          "$schema": "./archmodel.schema.json",
          "formatVersion": "1",
          "model": { "id": "starter", "name": "My e-government model", "language": "en", "asOf": "2026-01-01" },
          "targets": { "cloudRate": 0.9, "sharingRate": 0.8 },
          "capabilities": [
            { "id": "cap.oa", "name": "Office automation", "shareable": true },
            { "id": "cap.license", "name": "Licence approval" }
          ],
          "agencies": [
            { "id": "ag.gov", "name": "City Government", "level": "municipal", "region": "990100", "kind": "government" },
            { "id": "ag.market", "name": "City Market Regulation Bureau", "level": "municipal", "region": "990100", "sector": "market" }
          ],
          "networks": [
            { "id": "net.extranet", "name": "Government extranet", "kind": "extranet" }
          ],
          "platforms": [
            { "id": "cloud.city", "name": "City government cloud", "kind": "cloud", "shared": true, "owner": "ag.gov", "region": "990100", "networks": ["net.extranet"] }
          ],
          "systems": [
            { "id": "sys.gov.oa", "name": "City office automation", "owner": "ag.gov", "capabilities": ["cap.oa"], "usedBy": ["ag.market"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 2 },
            { "id": "sys.market.license", "name": "Business registration", "owner": "ag.market", "capabilities": ["cap.license"],
              "networks": ["net.extranet"], "hosting": "cloud.city", "protectionLevel": 3, "holds": ["data.legal-entity"] }
          ],
          "dataResources": [
            { "id": "data.legal-entity", "name": "Business entity register", "owner": "ag.market", "category": "legal-entity", "sharing": "unconditional", "open": true }
          ],
          "flows": [
            { "id": "flow.license-to-oa", "from": "sys.market.license", "to": "sys.gov.oa", "carries": ["data.legal-entity"], "mode": "api" }
          ],
          "services": [
            { "id": "svc.registration", "name": "One-stop business registration", "provider": "ag.market", "systems": ["sys.market.license"], "channels": ["web", "counter"] }
          ]
        }

        """;
}
