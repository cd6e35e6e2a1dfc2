using System.CommandLine;

var root = new RootCommand("Boilerplate: split pages into paragraphs, score them as body, navigation or legal, keep the article.");
return await root.Parse(args).InvokeAsync();
