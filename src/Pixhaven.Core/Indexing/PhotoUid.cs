using System.Security.Cryptography;

namespace Pixhaven.Core.Indexing;

/// <summary>Makes public photo identifiers: "p" and 15 random lower-case letters and digits.</summary>
public static class PhotoUid
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New() => "p" + RandomNumberGenerator.GetString(Alphabet, 15);
}
