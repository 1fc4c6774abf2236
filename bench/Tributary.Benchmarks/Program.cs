using BenchmarkDotNet.Running;
using Tributary.Benchmarks;

// `engine-latency` runs the end-to-end engine run against the simulators; anything else goes to BenchmarkDotNet.
if (args is ["engine-latency", ..])
{
    return await EngineLatencyRun.RunAsync(args[1..]);
}

// The batch runs: `tributary enrich` throughput and memory, and back-pressure under a provider's rate limit.
if (args is ["file-enrich", ..])
{
    return await FileEnrichRun.RunAsync(args[1..]);
}

if (args is ["rate-limit", ..])
{
    return await RateLimitRun.RunAsync(args[1..]);
}

// Provider calls per 1,000 batch records, with and without the bulk endpoints.
if (args is ["bulk-calls", ..])
{
    return await BulkCallsRun.RunAsync(args[1..]);
}

// The CRM pipeline: staged HubSpot contacts read, enriched and written back under HubSpot's rate limit.
if (args is ["pipeline-writeback", ..])
{
    return await PipelineWriteBackRun.RunAsync(args[1..]);
}

// /webhooks/genesys: acknowledgement latency and event-to-attributes time under a steady event rate.
if (args is ["genesys-events", ..])
{
    return await GenesysEventsRun.RunAsync(args[1..]);
}

// /v1/identity/resolve latency over a seeded graph of 1,000,000 linked identifiers.
if (args is ["identity-resolve", ..])
{
    return await IdentityResolveRun.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(NormalizeAndMergeBenchmark).Assembly).Run(args);
return 0;
