using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Boilerplate.Client;
using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Boilerplate.Service.Tests;

/// <summary>API keys, reflection on and off, and TLS from Kestrel configuration.</summary>
[Trait("Category", "Functional")]
public sealed class SecurityTests
{
    private const string Key = "test-key-6f1c2a9e";

    [Fact]
    public async Task With_api_keys_set_calls_need_a_key_but_health_does_not()
    {
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = "old-key-rotating-out";
            options.Settings["Security:ApiKeys:1"] = Key;
        });

        var missing = await Assert.ThrowsAsync<BoilerplateException>(() => host.Client.CleanTextAsync(SeedPage.Text));
        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);

        var wrong = host.CreateClient(options =>
        {
            options.ApiKey = Key + "x";
            options.AllowInsecureCredentials = true; // plaintext loopback
        });
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<BoilerplateException>(() => wrong.GetModelInfoAsync())).StatusCode);

        var keyed = host.CreateClient(options =>
        {
            options.ApiKey = Key;
            options.AllowInsecureCredentials = true;
        });
        Assert.NotEmpty((await keyed.CleanTextAsync(SeedPage.Text)).Text);

        var bearer = host.CreateClient().Service;
        var headers = new Metadata { { "authorization", "Bearer " + Key } };
        Assert.NotEmpty((await bearer.CleanAsync(new CleanRequest { Text = SeedPage.Text }, headers)).Text);

        var health = await new HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task The_key_rule_bearer_in_any_case_spaces_allowed_x_api_key_first_one_value_only()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Security:ApiKeys:0"] = Key);
        var service = host.CreateClient().Service;
        (string Case, (string Name, string Value)[] Headers, StatusCode Expected)[] cases =
        [
            ("lower-case scheme", [("authorization", "bearer " + Key)], StatusCode.OK),
            ("upper-case scheme", [("authorization", "BEARER " + Key)], StatusCode.OK),
            ("several spaces", [("authorization", "Bearer    " + Key)], StatusCode.OK),
            ("no space", [("authorization", "Bearer" + Key)], StatusCode.Unauthenticated),
            ("other scheme", [("authorization", "Basic " + Key)], StatusCode.Unauthenticated),
            ("no scheme", [("authorization", Key)], StatusCode.Unauthenticated),
            ("x-api-key wins over a right bearer", [("x-api-key", Key + "x"), ("authorization", "Bearer " + Key)], StatusCode.Unauthenticated),
            ("x-api-key wins over a wrong bearer", [("x-api-key", Key), ("authorization", "Bearer wrong")], StatusCode.OK),
            ("empty x-api-key counts as absent", [("x-api-key", string.Empty), ("authorization", "Bearer " + Key)], StatusCode.OK),
            ("x-api-key twice", [("x-api-key", "wrong"), ("x-api-key", Key)], StatusCode.Unauthenticated),
            ("authorization twice", [("authorization", "Bearer wrong"), ("authorization", "Bearer " + Key)], StatusCode.Unauthenticated),
            ("the same x-api-key twice", [("x-api-key", Key), ("x-api-key", Key)], StatusCode.Unauthenticated),
        ];

        foreach (var (name, headers, expected) in cases)
        {
            var metadata = new Metadata();
            foreach (var (header, value) in headers)
            {
                metadata.Add(header, value);
            }

            StatusCode status;
            try
            {
                await service.CleanAsync(new CleanRequest { Text = SeedPage.Text }, metadata, DateTime.UtcNow.AddSeconds(30));
                status = StatusCode.OK;
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }

            Assert.True(expected == status, $"{name}: expected {expected}, got {status}.");
        }
    }

    [Fact]
    public async Task Reflection_lists_the_services_by_default_and_can_be_turned_off()
    {
        await using (var host = await ServiceHost.StartAsync())
        {
            var services = await ListServicesAsync(host.Channel);
            Assert.Contains("boilerplate.v1.BoilerplateService", services);
            Assert.Contains("boilerplate.v1.ModelService", services);
        }

        await using (var host = await ServiceHost.StartAsync(options => options.Settings["Security:Reflection"] = "false"))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(host.Channel));
            Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        }
    }

    [Fact]
    public async Task Tls_configured_through_kestrel_settings_serves_with_the_given_certificate()
    {
        using var certificate = SelfSignedCertificate();
        var pfx = Path.Combine(Path.GetTempPath(), $"boilerplate-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            await using var host = await ServiceHost.StartAsync(options =>
            {
                options.Settings["Kestrel:Endpoints:Grpc:Url"] = "https://127.0.0.1:0";
                options.Settings["Kestrel:Endpoints:Grpc:Certificate:Path"] = pfx;
                options.Settings["Kestrel:Endpoints:Grpc:Certificate:Password"] = "pfx-password";
            });

            Assert.StartsWith("https://", host.Address, StringComparison.Ordinal);
            var presented = new List<string>();
            using var client = new Boilerplate.Client.BoilerplateClient(new Boilerplate.Client.BoilerplateClientOptions
            {
                Address = host.Address,
                ConfigureHttpHandler = handler => handler.SslOptions.RemoteCertificateValidationCallback = (_, serverCertificate, _, _) =>
                {
                    presented.Add(serverCertificate!.GetCertHashString(HashAlgorithmName.SHA256));
                    return serverCertificate.GetCertHashString(HashAlgorithmName.SHA256) ==
                           certificate.GetCertHashString(HashAlgorithmName.SHA256);
                },
            });

            var response = await client.CleanTextAsync(SeedPage.Text);

            Assert.NotEmpty(response.Text);
            Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), Assert.Single(presented.Distinct()));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static async Task<List<string>> ListServicesAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name).ToList();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
