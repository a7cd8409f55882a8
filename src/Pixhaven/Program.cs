using Pixhaven.Cli;

return await PixhavenCli.RunAsync(args);
