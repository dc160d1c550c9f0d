using Intake.Kiosk.Host.Cli;

return await IntakeCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
