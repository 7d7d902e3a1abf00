namespace VibeCheck.Deployment.Tests.Docker;

/// <summary>deploy/Dockerfile.* have the structure a correct image needs (Docker cannot run here to build them).</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "deploy/Dockerfile.silo", "Silo/Silo.csproj" },
        { "deploy/Dockerfile.gateway", "Gateway.Api/Gateway.Api.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_is_sound(string dockerfile, string project) =>
        Assert.Empty(Check(File.ReadAllText(RepoPaths.Of(dockerfile)), project));

    [Theory]
    [InlineData("Silo/Silo.csproj", "VibeCheck.Silo")]
    [InlineData("Gateway.Api/Gateway.Api.csproj", "VibeCheck.Gateway")]
    public void Assembly_names_are_the_ones_the_images_start(string project, string assembly) =>
        Assert.Equal(assembly, ProjectGraph.AssemblyName(RepoPaths.Root, project));

    [Fact]
    public void Silo_closure_includes_vision_so_gtk_is_required() =>
        Assert.Contains("Vision/Vision.csproj", ProjectGraph.Closure(RepoPaths.Root, "Silo/Silo.csproj"));

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime", "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS runtime", "final stage is mcr.microsoft.com/dotnet/sdk")]
    [InlineData("USER $APP_UID", "USER root", "final stage runs as root")]
    [InlineData("USER $APP_UID", "", "final stage runs as root (no USER)")]
    [InlineData("\"VibeCheck.Silo.dll\"", "\"Silo.dll\"", "ENTRYPOINT is")]
    [InlineData("COPY Vision/ Vision/\n", "", "Vision/Vision.csproj is referenced by Silo/Silo.csproj")]
    [InlineData("COPY Silo/ Silo/", "COPY Silo/ Silo/\nCOPY Sillo/ Sillo/", "COPY Sillo/: no such file")]
    [InlineData("COPY Silo/ Silo/", "COPY Silo/ Silo/\nCOPY tests/ tests/", "COPY tests/: excluded by .dockerignore")]
    [InlineData("libgtk-3-0t64", "libjpeg-turbo8", "does not install libgtk-3-0")]
    [InlineData("COPY --from=build", "COPY --from=publish", "no stage named publish")]
    [InlineData("ENTRYPOINT", "HEALTHCHECK CMD curl -f http://localhost:8081/alive\nENTRYPOINT", "HEALTHCHECK present")]
    [InlineData("Directory.Build.props ", "", "Directory.Build.props is not copied")]
    [InlineData("RUN dotnet publish Silo/Silo.csproj", "RUN dotnet publish Grains/Grains.csproj", "no stage runs dotnet publish Silo/Silo.csproj")]
    public void Broken_silo_dockerfile_is_caught(string original, string replacement, string expected)
    {
        var text = File.ReadAllText(RepoPaths.Of("deploy/Dockerfile.silo"));
        Assert.Contains(original, text);

        var problems = Check(text.Replace(original, replacement, StringComparison.Ordinal), "Silo/Silo.csproj");

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Single_stage_dockerfile_is_caught() => Assert.Contains(
        Check("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY . .\nENTRYPOINT [\"dotnet\", \"VibeCheck.Gateway.dll\"]\n", "Gateway.Api/Gateway.Api.csproj"),
        p => p.StartsWith("not multi-stage", StringComparison.Ordinal));

    [Fact]
    public void Continuation_lines_join_into_one_instruction()
    {
        var file = Dockerfile.Parse("FROM a AS one\nRUN apt-get update \\\n    && apt-get install x\n# note\nFROM b\nUSER 1654\n");

        Assert.Equal(2, file.Stages.Count);
        Assert.Equal("one", file.Stages[0].Name);
        Assert.Equal("apt-get update && apt-get install x", Assert.Single(file.Stages[0].Args("RUN")));
        Assert.Equal("1654", Assert.Single(file.Final.Args("USER")));
    }

    private static List<string> Check(string text, string project) => DockerfileChecks.Check(
        Dockerfile.Parse(text), project, RepoPaths.Root, DockerfileChecks.LoadDockerIgnore(RepoPaths.Root)).ToList();
}
