using VibeCheck.BoroughBoundaries;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BoroughBoundaries <nybb_16a.zip> <sha256 pins> <output.geojson>");
    return 2;
}

var workDirectory = Directory.CreateTempSubdirectory("nybb-");
try
{
    var shapefile = PinnedShapefile.Extract(args[0], args[1], workDirectory.FullName);
    var boroughs = BoroughConversion.Convert(shapefile);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[2]))!);
    await using (var output = File.Create(args[2]))
    {
        BoroughGeoJson.Write(output, boroughs);
    }

    Console.Error.WriteLine($"BoroughBoundaries: {boroughs.Count} boroughs, {new FileInfo(args[2]).Length / 1024} KB in {args[2]}");
    return 0;
}
catch (InvalidDataException ex)
{
    Console.Error.WriteLine($"BoroughBoundaries: {ex.Message}");
    return 1;
}
finally
{
    workDirectory.Delete(recursive: true);
}
