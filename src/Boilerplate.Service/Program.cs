using Boilerplate.Service.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBoilerplateService(builder.Configuration);

var app = builder.Build();
app.MapBoilerplateService();
await app.RunAsync();
