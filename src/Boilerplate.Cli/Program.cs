using System.CommandLine;
using Boilerplate.Cli.Commands;

var root = new RootCommand("Boilerplate: split pages into paragraphs, score them as body, navigation or legal, keep the article.");
root.Subcommands.Add(CleanCommand.Create());
root.Subcommands.Add(HealthCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(RepairCommands.CreateBuild());
root.Subcommands.Add(RepairCommands.CreateEvaluate());
root.Subcommands.Add(MetadataCommands.Evaluate());
root.Subcommands.Add(MetadataCommands.Profiles());
return await root.Parse(args).InvokeAsync();
