"""Without REDIS_URL, nothing about Redis is imported or needed."""

import subprocess
import sys

from crawler.demo.runner import PROJECT_ROOT


def test_single_machine_mode_never_imports_redis():
    code = (
        "import sys, crawler.settings, crawler.integration.distributed,"
        " crawler.integration.state_access, "
        "pipelines.dedup, pipelines.write, spiders.urls, spiders.feeds;"
        "from crawler.state.store import open_store; import tempfile, os;"
        "open_store(os.path.join(tempfile.mkdtemp(), 's.db'));"
        "assert 'redis' not in sys.modules and 'scrapy_redis' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)
