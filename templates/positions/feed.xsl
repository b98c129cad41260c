{% load static %}<?xml version="1.0" encoding="utf-8"?>
<!-- Shows a Standpoint Atom feed as a page when it is opened in a browser; feed readers
     ignore this stylesheet. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/atom:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (feed)</title>
        <link rel="stylesheet" href="{% static 'standpoint.css' %}"/>
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="{% url 'home' %}">Standpoint</a>
        </header>
        <main id="content">
          <h1><xsl:value-of select="atom:title"/></h1>
          <div class="notice">
            <p><strong>This is a feed</strong>, for a feed reader: copy this page's address from the address bar and paste it into a feed reader (many news apps and e-mail programs have one) to be told of each new position. <a href="{% url 'data' %}#follow">How to follow Standpoint</a>.</p>
          </div>
          <p><xsl:value-of select="atom:subtitle"/><xsl:text> </xsl:text><a href="{atom:link[not(@rel) or @rel='alternate']/@href}">See the page on Standpoint</a>.</p>
          <h2>Latest positions</h2>
          <ol class="statements">
            <xsl:for-each select="atom:entry">
              <li class="statement">
                <p class="statement-head"><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></p>
                <p class="muted">Published <xsl:value-of select="substring(atom:published, 1, 10)"/> · <xsl:value-of select="atom:author/atom:name"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
