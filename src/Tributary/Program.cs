using Tributary.Host.Cli;

return await TributaryCli.RunAsync(args);
