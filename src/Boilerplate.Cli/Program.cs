using Boilerplate.Cli;

return await CliApp.InvokeAsync(CliApp.CreateRoot(), args);
