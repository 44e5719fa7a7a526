global using NUnit.Framework;
global using ArchModel.Diagnostics;
global using ArchModel.Loading;
global using ArchModel.Model;
