using System.Globalization;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 6: with an API key and an admin key configured, every key variant and path trick is sent raw over
/// HTTP/2 (repeated fields, unnormalised paths and other spellings HttpClient would not send). None may reach
/// Clean or ReloadModel: a refusal is UNAUTHENTICATED, PERMISSION_DENIED, UNIMPLEMENTED, an HTTP error or a reset;
/// anything else (OK, INVALID_ARGUMENT, FAILED_PRECONDITION...) means the method ran. Controls with the right keys
/// must reach it, so the check can fail.
/// </summary>
internal static class KeysMode
{
    private const string Clean = "/boilerplate.v1.BoilerplateService/Clean";
    private const string Reload = "/boilerplate.v1.ModelService/ReloadModel";

    public static async Task<int> RunAsync(ModeArgs args)
    {
        var key = args.Required("--key");
        var admin = args.Required("--admin-key");
        var cleanBody = RawGrpcCall.Frame(new CleanRequest { Html = Probe.Article(3) }.ToByteArray());
        var reloadBody = RawGrpcCall.Frame(new ReloadModelRequest().ToByteArray());
        var wrong = key[..^1] + (key[^1] == 'x' ? 'y' : 'x');

        var attempts = new List<(string Name, string Path, (string, string)[] Headers, bool Control)>
        {
            ("control: x-api-key", Clean, [("x-api-key", key)], true),
            ("control: authorization Bearer", Clean, [("authorization", "Bearer " + key)], true),
            ("control: admin key on ReloadModel", Reload, [("x-api-key", admin)], true),
            ("no key", Clean, [], false),
            ("empty x-api-key", Clean, [("x-api-key", "")], false),
            ("wrong key", Clean, [("x-api-key", wrong)], false),
            ("key upper-cased", Clean, [("x-api-key", key.ToUpperInvariant())], false),
            ("key prefix", Clean, [("x-api-key", key[..^1])], false),
            ("key plus a character", Clean, [("x-api-key", key + "a")], false),
            ("key plus NUL", Clean, [("x-api-key", key + "\0")], false),
            ("key twice in one value", Clean, [("x-api-key", key + ", " + key)], false),
            ("key in another header", Clean, [("api-key", key)], false),
            ("key in x-api-key-extra", Clean, [("x-api-key-extra", key)], false),
            ("Basic scheme", Clean, [("authorization", "Basic " + key)], false),
            ("Token scheme", Clean, [("authorization", "Token " + key)], false),
            ("Bearer without key", Clean, [("authorization", "Bearer")], false),
            ("Bearer glued to key", Clean, [("authorization", "Bearer" + key)], false),
            ("Bearer wrong key", Clean, [("authorization", "Bearer " + wrong)], false),
            ("wrong x-api-key beside right Bearer", Clean, [("x-api-key", wrong), ("authorization", "Bearer " + key)], false),
            ("x-api-key twice (right, wrong)", Clean, [("x-api-key", key), ("x-api-key", wrong)], false),
            ("x-api-key twice (wrong, right)", Clean, [("x-api-key", wrong), ("x-api-key", key)], false),
            ("authorization twice", Clean, [("authorization", "Bearer " + key), ("authorization", "Bearer " + wrong)], false),
            ("key as a query string", Clean + "?x-api-key=" + key, [], false),
            ("upper-case path", Clean.ToUpperInvariant(), [], false),
            ("lower-case path", Clean.ToLowerInvariant(), [], false),
            ("double slash", "/" + Clean, [], false),
            ("trailing slash", Clean + "/", [], false),
            ("dot segment", "/./boilerplate.v1.BoilerplateService/Clean", [], false),
            ("health then ..", "/grpc.health.v1.Health/../boilerplate.v1.BoilerplateService/Clean", [], false),
            ("health Check then ../..", "/grpc.health.v1.Health/Check/../../boilerplate.v1.BoilerplateService/Clean", [], false),
            ("encoded slash", "/boilerplate.v1.BoilerplateService%2FClean", [], false),
            ("encoded letter", "/%62oilerplate.v1.BoilerplateService/Clean", [], false),
            ("encoded dot segment", "/grpc.health.v1.Health/%2E%2E/boilerplate.v1.BoilerplateService/Clean", [], false),
            ("encoded NUL", Clean + "%00", [], false),
            ("backslash", "/boilerplate.v1.BoilerplateService\\Clean", [], false),
            ("absolute URL as path", "http://127.0.0.1" + Clean, [], false),
            ("api key on ReloadModel", Reload, [("x-api-key", key)], false),
            ("api key on ReloadModel, upper-case path", Reload.ToUpperInvariant(), [("x-api-key", key)], false),
            ("api key on ReloadModel, lower-case path", Reload.ToLowerInvariant(), [("x-api-key", key)], false),
            ("api key on ReloadModel, trailing slash", Reload + "/", [("x-api-key", key)], false),
            ("api key on ReloadModel, via health ..", "/grpc.health.v1.Health/../boilerplate.v1.ModelService/ReloadModel", [("x-api-key", key)], false),
            ("api key on ReloadModel, encoded slash", "/boilerplate.v1.ModelService%2FReloadModel", [("x-api-key", key)], false),
            ("api key as Bearer on ReloadModel", Reload, [("authorization", "Bearer " + key)], false),
            ("admin key upper-cased on ReloadModel", Reload, [("x-api-key", admin.ToUpperInvariant())], false),
            ("no key on ReloadModel", Reload, [], false),
        };

        var leaks = new List<string>();
        var controlsFailed = new List<string>();
        foreach (var (name, path, headers, control) in attempts)
        {
            var body = path.Contains("ReloadModel", StringComparison.OrdinalIgnoreCase) ? reloadBody : cleanBody;
            var outcome = await SendAsync(args.Address, path, headers, body).ConfigureAwait(false);
            var reached = !Refusal(outcome);
            Console.WriteLine($"  {(control ? "control" : "attack"),-8} {name,-44} {outcome}");
            if (control && !reached)
            {
                controlsFailed.Add(name);
            }
            else if (!control && reached)
            {
                leaks.Add($"{name} ({outcome})");
            }
        }

        foreach (var leak in leaks)
        {
            Console.WriteLine($"  REACHED THE METHOD: {leak}");
        }

        var attacks = attempts.Count(a => !a.Control);
        var pass = leaks.Count == 0 && controlsFailed.Count == 0 && Probe.IsAlive(args.ServerPid);
        return Probe.Result("6 key variants and path tricks", pass, string.Create(CultureInfo.InvariantCulture,
            $"{attacks - leaks.Count} of {attacks} refused; {attempts.Count - attacks - controlsFailed.Count} of {attempts.Count - attacks} controls with the right key reached the method"));
    }

    private static bool Refusal(string outcome) =>
        outcome is "Unauthenticated" or "PermissionDenied" or "Unimplemented" || HeadersMode.Refused(outcome);

    private static Task<string> SendAsync(Uri address, string path, (string, string)[] extra, byte[] body) =>
        RawHttp2Connection.CallOnceAsync(address, path, extra, body, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
}
