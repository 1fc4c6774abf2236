using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>/v1/enrich and its siblings on the real gateway in sandbox mode.</summary>
public sealed class EnrichEndpointTests : IAsyncLifetime
{
    /// <summary>The flat contract: every member, in this order, with this JSON type. Changing it breaks IVR flows.</summary>
    private static readonly (string Name, JsonValueKind Kind)[] FlatShape =
    [
        ("name", JsonValueKind.String), ("firstName", JsonValueKind.String), ("lastName", JsonValueKind.String),
        ("email", JsonValueKind.String), ("phone", JsonValueKind.String), ("jobTitle", JsonValueKind.String),
        ("seniority", JsonValueKind.String), ("department", JsonValueKind.String), ("companyName", JsonValueKind.String),
        ("companyDomain", JsonValueKind.String), ("industry", JsonValueKind.String), ("employeeCount", JsonValueKind.Number),
        ("revenueRange", JsonValueKind.String), ("linkedinUrl", JsonValueKind.String), ("city", JsonValueKind.String),
        ("country", JsonValueKind.String), ("confidence", JsonValueKind.Number), ("source", JsonValueKind.String),
        ("partial", JsonValueKind.False), ("requestId", JsonValueKind.String), ("providers", JsonValueKind.String),
    ];

    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static void ShouldHaveFlatShape(JsonElement body)
    {
        body.EnumerateObject().Select(p => p.Name).ShouldBe(FlatShape.Select(f => f.Name));
        foreach (var (name, kind) in FlatShape)
        {
            var actual = body.GetProperty(name).ValueKind;
            (actual == kind || (kind == JsonValueKind.False && actual == JsonValueKind.True)).ShouldBeTrue($"{name} is {actual}");
        }
    }

    [Fact]
    public async Task Enrich_KnownEmail_ReturnsTheFlatProfile()
    {
        var body = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""");

        ShouldHaveFlatShape(body);
        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("companyName").GetString().ShouldBe("Acme Inc");
        body.GetProperty("phone").GetString().ShouldBe(SampleIdentifiers.JaneDoePhone);
        body.GetProperty("employeeCount").GetInt64().ShouldBe(500);
        body.GetProperty("partial").GetBoolean().ShouldBeFalse();
        // Sandbox mode asks all five simulated providers, each known to Jane Doe; equal priorities list them by name.
        body.GetProperty("providers").GetString()!.ShouldMatch("^apollo:matched:[0-9]+ms;clearbit:matched:[0-9]+ms;hunter:matched:[0-9]+ms;peopledatalabs:matched:[0-9]+ms;zoominfo:matched:[0-9]+ms$");
        body.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Enrich_ABodyStartingWithAUtf8ByteOrderMark_IsRead()
    {
        // Windows tools (PowerShell 5, .NET's Encoding.UTF8 writers) put one before the JSON.
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).ToArray();

        using var response = await _gateway.Client.PostAsync("/v1/enrich", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task Enrich_WritesAPhonesPlusAsTyped_NotEscaped()
    {
        using var response = await _gateway.Client.PostAsync(
            "/v1/enrich", new StringContent($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        // Valid either way, but a script matching the answer's text (or a person reading it) expects what the docs show.
        text.ShouldContain($"\"phone\":\"{SampleIdentifiers.JaneDoePhone}\"", Case.Sensitive);
    }

    [Fact]
    public async Task Enrich_UnknownEmail_StillHasEveryFieldWithEmptyValues()
    {
        var body = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""");

        ShouldHaveFlatShape(body);
        body.GetProperty("name").GetString().ShouldBe(string.Empty);
        body.GetProperty("employeeCount").GetInt64().ShouldBe(0);
        body.GetProperty("source").GetString().ShouldBe("none");
        body.GetProperty("providers").GetString()!.ShouldContain("no_match");
    }

    [Fact]
    public async Task Enrich_SecondTime_IsServedFromTheCache()
    {
        await _gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""");
        var again = await _gateway.EnrichAsync<JsonElement>("""{"email":"  JANE.DOE@ACME.COM "}""");

        again.GetProperty("source").GetString().ShouldBe("cache");
        again.GetProperty("providers").GetString()!.Split(';').ShouldAllBe(p => p.Contains(":cached:"));
    }

    [Fact]
    public async Task Enrich_ByPhone_AndWaterfallWithProviderSubset()
    {
        var body = await _gateway.EnrichAsync<JsonElement>("""{"phone":"(415) 222-0123","mode":"waterfall","providers":"zoominfo,clearbit"}""");

        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("providers").GetString()!.ShouldStartWith("zoominfo:matched:");
        body.GetProperty("providers").GetString()!.ShouldContain("clearbit:skipped:");
    }

    [Theory]
    [InlineData("""{"phoneNumber":"(415) 222-0123"}""")]
    [InlineData("""{"phone":"(415) 222-0123","phoneNumber":"+1 415 222 0123"}""")]
    [InlineData("""{"phone":"+14152220123","phoneNumber":""}""")]
    public async Task Enrich_PhoneNumber_IsAnAliasOfPhone(string json)
    {
        var body = await _gateway.EnrichAsync<JsonElement>(json);

        ShouldHaveFlatShape(body);
        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("phone").GetString().ShouldBe(SampleIdentifiers.JaneDoePhone);
    }

    [Fact]
    public async Task Enrich_NameWithDomain_LooksUpThePersonAtThatCompany()
    {
        var body = await _gateway.EnrichAsync<JsonElement>("""{"name":"Jane Doe","domain":"acme.com","providers":"hunter,apollo"}""");

        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        body.GetProperty("jobTitle").GetString().ShouldBe("VP of Engineering");
        body.GetProperty("providers").GetString()!.ShouldMatch("^hunter:matched:[0-9]+ms;apollo:matched:[0-9]+ms$");
    }

    [Fact]
    public async Task Enrich_ANameAlone_IsAnsweredNotRefused()
    {
        using var response = await _gateway.EnrichAsync("""{"name":"Nobody Known"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        ShouldHaveFlatShape(body);
        body.GetProperty("source").GetString().ShouldBe("none");
        body.GetProperty("providers").GetString()!.Split(';').ShouldAllBe(p => p.Contains(":skipped:"));
    }

    [Fact]
    public async Task Enrich_ACompanyNameAlone_LooksTheCompanyUpWhereAProviderMatchesByName()
    {
        var known = await _gateway.EnrichAsync<JsonElement>("""{"company":"Acme Inc"}""");
        var unknown = await _gateway.EnrichAsync<JsonElement>("""{"company":"Nobody Widgets Ltd"}""");

        ShouldHaveFlatShape(known);
        known.GetProperty("companyName").GetString().ShouldBe(SampleIdentifiers.AcmeName);
        known.GetProperty("companyDomain").GetString().ShouldBe("acme.com");
        known.GetProperty("employeeCount").GetInt64().ShouldBe(500);
        known.GetProperty("name").GetString().ShouldBeEmpty();
        var providers = known.GetProperty("providers").GetString()!;
        providers.ShouldContain("zoominfo:matched:");
        providers.ShouldContain("peopledatalabs:matched:");
        providers.ShouldContain("clearbit:skipped:", customMessage: "Clearbit finds companies by domain only");
        unknown.GetProperty("source").GetString().ShouldBe("none", "another company's name is not served Acme's cached answer");
    }

    [Fact]
    public async Task Enrich_PhoneAndPhoneNumberThatDiffer_Is400NamingBoth()
    {
        using var response = await _gateway.EnrichAsync("""{"phone":"(415) 222-0123","phoneNumber":"+44 20 7946 0958"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().ShouldBe("phoneNumber");
        problem.GetProperty("detail").GetString()!.ShouldContain("phone and phoneNumber");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("222");
    }

    [Fact]
    public async Task PersonEnrich_ReturnsProvenancePerField()
    {
        var body = await _gateway.EnrichAsync<JsonElement>("""{"email":"jane.doe@acme.com"}""", "/v1/person/enrich");

        var title = body.GetProperty("person").GetProperty("jobTitle");
        title.GetProperty("value").GetString().ShouldBe(SampleIdentifiers.JaneDoeTitle);
        title.GetProperty("source").GetString().ShouldBeOneOf("apollo", "clearbit", "hunter", "peopledatalabs", "zoominfo");
        title.GetProperty("confidence").GetDouble().ShouldBeInRange(0.5, 1);
        title.GetProperty("observedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        body.GetProperty("company").GetProperty("name").GetProperty("value").GetString().ShouldBe("Acme Inc");
        body.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("status").GetString()).ShouldAllBe(s => s == "matched");
    }

    [Fact]
    public async Task CompanyEnrich_ByDomain_ReturnsTheCompany()
    {
        var body = await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/company/enrich?domain=https://www.acme.com/");

        body.GetProperty("company").GetProperty("name").GetProperty("value").GetString().ShouldBe("Acme Inc");
        body.GetProperty("person").EnumerateObject().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{}", "email")]
    [InlineData("""{"email":"not-an-email"}""", "email")]
    [InlineData("""{"phone":"12"}""", "phone")]
    [InlineData("""{"phoneNumber":"12"}""", "phoneNumber")]
    [InlineData("""{"email":"jane.doe@acme.com","mode":"sideways"}""", "mode")]
    [InlineData("""{"email":"jane.doe@acme.com","providers":["clearbit","nosuch"]}""", "providers")]
    [InlineData("""{"email":"jane.doe@acme.com","timeoutMs":0}""", "timeoutMs")]
    [InlineData("""{"email":"jane.doe@acme.com","timeoutMs":600000}""", "timeoutMs")]
    [InlineData("""{"email":"jane.doe@acme.com","providers":42}""", "body")]
    [InlineData("""{"email":""", "body")]
    [InlineData("""[1,2,3]""", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"linkedinUrl":"https://example.com/jane"}""", "linkedinUrl")]
    public async Task Enrich_BadInput_Is400ProblemNamingTheField(string json, string field)
    {
        using var response = await _gateway.EnrichAsync(json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("detail").GetString()!.ShouldNotContain("not-an-email");
    }

    [Fact]
    public async Task Enrich_OversizedBody_Is413()
    {
        var huge = $$"""{"email":"jane.doe@acme.com","name":"{{new string('x', 70_000)}}"}""";

        using var response = await _gateway.EnrichAsync(huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Enrich_OversizedChunkedBody_Is413()
    {
        var huge = new string(' ', 70_000) + """{"email":"jane.doe@acme.com"}""";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/enrich") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Enrich_ChunkedBodyUnderTheLimit_InSmallChunks_IsRead()
    {
        // 64,000 bytes in 100-byte chunks: about 7 % more on the wire for the framing, which is not the body.
        var json = $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""";
        var body = System.Text.Encoding.UTF8.GetBytes(new string(' ', 64_000 - json.Length) + json);
        using var content = new StreamContent(new SmallReads(body, 100));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/enrich") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("Jane Doe");
    }

    /// <summary>A body read a few bytes at a time, so HttpClient sends each read as a chunk of its own.</summary>
    private sealed class SmallReads(byte[] bytes, int size) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, size));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, size)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, size), cancellationToken);
    }

    [Fact]
    public async Task CompanyEnrich_WithoutDomain_Is400()
    {
        using var response = await _gateway.Client.GetAsync("/v1/company/enrich");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("domain");
    }

    [Fact]
    public async Task Enrich_WithUnparseableMaxBytes_Is400ProblemWithADetailAndTheRequestId()
    {
        using var response = await _gateway.EnrichAsync($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""", "/v1/enrich?maxBytes=abc");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("The value of 'maxBytes' could not be read as a whole number.");
        problem.GetProperty("field").GetString().ShouldBe("maxBytes");
        problem.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/v1/company/enrich?domain=acme.com&timeoutMs=soon", "timeoutMs")]
    [InlineData("/v1/company/enrich?domain=acme.com&timeoutMs=1&timeoutMs=2", "timeoutMs")]
    [InlineData("/v1/dead-letters?limit=abc", "limit")]
    [InlineData("/v1/audit?limit=999999999999", "limit")]
    [InlineData("/v1/company/enrich?domain=globex.com&domain=acme.com", "domain")]
    [InlineData("/v1/dead-letters?limit=5&limit=6", "limit")]
    public async Task AQueryValueNotOfItsType_Is400Problem_NamingIt(string path, string field)
    {
        using var response = await _gateway.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe(field);
    }
}
