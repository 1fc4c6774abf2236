using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Profiles;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.BatchPump;

/// <summary>The one batch path, on the real engine against Clearbit and ZoomInfo simulators: order, memory bound, failures.</summary>
public sealed class EnrichmentPumpTests(SimulatorPair simulators) : IClassFixture<SimulatorPair>, IDisposable
{
    private const int ChunkSize = 10;

    public void Dispose() => simulators.Reset();

    /// <summary>
    /// Chunk 0 and chunks 2+ are rows that cannot be enriched (instant); chunk 1 asks the providers, which answer
    /// slowly. So chunks 2+ are done before chunk 1.
    /// </summary>
    private static IEnumerable<int> Rows() => Enumerable.Range(0, 6 * ChunkSize);

    private static RecordRequest Describe(int row) =>
        row / ChunkSize == 1
            ? RecordRequest.Enrich(new EnrichRequestBody { Email = row == ChunkSize ? SampleIdentifiers.JaneDoeEmail : $"p{row}@unknown-company.com" })
            : RecordRequest.Enrich(new EnrichRequestBody { Email = "not-an-email" });

    [Fact]
    public async Task Run_Ordered_GivesTheSinkEveryRecordInSourceOrder_ThoughLaterChunksFinishFirst()
    {
        simulators.Clearbit.Faults.LatencyMs = 300;
        await using var harness = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo);
        var sunk = new List<EnrichedRecord<int>>();

        await Pump(harness).RunAsync(Rows().ToAsyncEnumerable(), Describe, Collect(sunk), Options(ordered: true), CancellationToken.None);

        sunk.Select(r => r.Record).ShouldBe(Rows());
        sunk[ChunkSize].Outcome.ShouldBe(RecordOutcome.Matched);
        sunk[ChunkSize].Flat!.Profile.Text(ProfileFields.FullName).ShouldBe("Jane Doe");
        sunk[ChunkSize + 1].Outcome.ShouldBe(RecordOutcome.Unmatched);
        sunk[0].Outcome.ShouldBe(RecordOutcome.Rejected);
        sunk[0].Reason!.ShouldStartWith("email:");
    }

    [Fact]
    public async Task Run_Unordered_GivesTheSinkChunksAsTheyFinish()
    {
        simulators.Clearbit.Faults.LatencyMs = 300;
        await using var harness = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo);
        var sunk = new List<EnrichedRecord<int>>();

        await Pump(harness).RunAsync(Rows().ToAsyncEnumerable(), Describe, Collect(sunk), Options(ordered: false), CancellationToken.None);

        sunk.Select(r => r.Record).Order().ShouldBe(Rows());
        sunk.Select(r => r.Record).ShouldNotBe(Rows(), "the slow chunk should have come after faster ones");
    }

    [Fact]
    public async Task Run_WithAStalledSink_ReadsNoMoreThanTheChunksInFlightAhead()
    {
        await using var harness = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo);
        var options = Options(ordered: true);
        var bound = (options.MaxChunksInFlight + 1) * ChunkSize;
        var reads = 0;
        var sunk = 0;
        var mostAhead = 0;
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        IEnumerable<int> Source()
        {
            for (var i = 0; i < 100 * ChunkSize; i++)
            {
                reads++;
                mostAhead = Math.Max(mostAhead, reads - Volatile.Read(ref sunk));
                if (reads == bound)
                {
                    stalled.TrySetResult();
                }

                yield return i;
            }
        }

        await Pump(harness).RunAsync(
            Source().ToAsyncEnumerable(),
            _ => RecordRequest.Rejected("test"),
            async (chunk, token) =>
            {
                // The first chunk waits until the reader has filled every slot it may: a bounded pump stops there.
                await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
                Interlocked.Add(ref sunk, chunk.Count);
            },
            options,
            CancellationToken.None);

        sunk.ShouldBe(100 * ChunkSize);
        mostAhead.ShouldBeLessThanOrEqualTo(bound);
    }

    [Fact]
    public async Task Run_WhenTheSourceFails_SinksTheChunksReadBefore_AndThrows()
    {
        await using var harness = new EngineHarness(simulators.Clearbit, simulators.ZoomInfo);
        var sunk = new List<EnrichedRecord<int>>();

        static IEnumerable<int> Source()
        {
            for (var i = 0; i < 25; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("the source broke");
        }

        await Should.ThrowAsync<InvalidOperationException>(() =>
            Pump(harness).RunAsync(Source().ToAsyncEnumerable(), _ => RecordRequest.Rejected("test"), Collect(sunk), Options(ordered: true), CancellationToken.None));

        sunk.Select(r => r.Record).ShouldBe(Enumerable.Range(0, 2 * ChunkSize));
    }

    private static EnrichmentPump Pump(EngineHarness harness) =>
        new(harness.Engine, harness.Services.GetRequiredService<IdentifierNormalizer>(), harness.Services.GetRequiredService<ILogger<EnrichmentPump>>());

    private static PumpOptions Options(bool ordered) => new() { ChunkSize = ChunkSize, Concurrency = 3, Ordered = ordered };

    private static Func<IReadOnlyList<EnrichedRecord<int>>, CancellationToken, ValueTask> Collect(List<EnrichedRecord<int>> sunk) =>
        (chunk, _) =>
        {
            sunk.AddRange(chunk);
            return ValueTask.CompletedTask;
        };
}
