using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Profiles;

namespace Tributary.Benchmarks;

/// <summary>
/// The identity graph's share of a batch run (<c>Identity:LinkOnEnrich</c>): one chunk of 100 enrichment answers, each
/// a new person with an email, a phone and a few traits, linked in one transaction of the SQLite graph — what a file's
/// or a job's chunk of fresh matches costs, and most of what a pipeline claim's links cost.
/// </summary>
[MemoryDiagnoser]
public class IdentityLinkBenchmark
{
    private const int Chunk = 100;

    private BenchStore _store = null!;
    private EnrichmentLinks _links = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchStore.CreateAsync(
            "identity-link",
            new Dictionary<string, string?> { ["Privacy:Pepper"] = "benchmark" },
            static services => services.AddFlatContract().AddIdentity());
        _links = _store.Services.GetRequiredService<EnrichmentLinks>();
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _store.DisposeAsync().AsTask();

    /// <summary>100 new people linked together; every invocation links people the graph has not seen.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public Task LinkNewPerson()
    {
        var answers = new AnswerLink[Chunk];
        for (var i = 0; i < Chunk; i++)
        {
            var number = Interlocked.Increment(ref _next);
            var n = number.ToString(CultureInfo.InvariantCulture);
            var profile = new ProfileBuilder("clearbit", 0.9, DateTimeOffset.UnixEpoch)
                .Set(ProfileFields.FullName, "Person " + n)
                .Set(ProfileFields.JobTitle, "Engineer")
                .Set(ProfileFields.CompanyName, "Company " + n)
                .Set(ProfileFields.EmployeeCount, 500)
                .Build();
            // San Francisco numbers from 415-200-0000 up: real exchanges, so every phone is linkable.
            var phone = "+1415" + (2_000_000 + number).ToString(CultureInfo.InvariantCulture);
            answers[i] = new AnswerLink($"person.{n}@example.com", phone, profile);
        }

        return _links.LinkAnswersAsync(answers, CancellationToken.None);
    }
}
