<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/mainwindow.ui" line="14"/>
        <source>Storm Watch</source>
        <translation>Штормовое предупреждение</translation>
    </message>
    <message>
        <location filename="../src/mainwindow.ui" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../src/mainwindow.ui" line="40"/>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;The storm reached the coast on Monday.&lt;/p&gt;&lt;p&gt;It destroyed &lt;b&gt;300&lt;/b&gt; houses.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <extracomment>Tooltip of the map.</extracomment>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Шторм достиг побережья в понедельник.&lt;/p&gt;&lt;p&gt;Он разрушил &lt;b&gt;300&lt;/b&gt; домов.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <location filename="../src/mainwindow.cpp" line="88"/>
        <source>Schools stayed closed.</source>
        <translatorcomment>Check with the ministry's wording.</translatorcomment>
        <translation type="unfinished">Школы остались закрытыми.</translation>
    </message>
</context>
<context>
    <name>ShelterList</name>
    <message numerus="yes">
        <location filename="../src/shelters.cpp" line="25"/>
        <source>The mayor opened %n shelter(s).</source>
        <translation>
            <numerusform>Мэр открыл %n убежище.</numerusform>
            <numerusform>Мэр открыл %n убежища.</numerusform>
            <numerusform>Мэр открыл %n убежищ.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/shelters.cpp" line="31"/>
        <source>Open shelters</source>
        <comment>list heading</comment>
        <translation variants="yes">
            <lengthvariant>Открытые убежища</lengthvariant>
            <lengthvariant>Убежища</lengthvariant>
        </translation>
    </message>
    <message>
        <location filename="../src/shelters.cpp" line="40"/>
        <source>The ferry ran again on Friday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An old line.</source>
        <translation type="vanished">Старая строка.</translation>
    </message>
    <message>
        <source>A line gone long ago.</source>
        <translation type="obsolete">Давно удалённая строка.</translation>
    </message>
</context>
</TS>
